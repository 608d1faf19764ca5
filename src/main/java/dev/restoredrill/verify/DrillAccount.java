package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import dev.restoredrill.scenario.JourneyPlan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The app account the journey signs in with. {@link #toString()} masks the password. */
public record DrillAccount(String email, String password) {

    public DrillAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads the account from the variables the plan names.
     *
     * @throws IllegalStateException naming the unset variables
     */
    public static DrillAccount fromEnvironment(JourneyPlan plan, Map<String, String> environment) {
        List<String> missing = plan.missingFrom(environment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The app journey needs the drill account in the environment, found "
                    + missing + " unset. Export them (e.g. from the CI secret store) and run the drill again.");
        }
        return new DrillAccount(environment.get(plan.emailEnv()), environment.get(plan.passwordEnv()));
    }

    @Override
    public String toString() {
        return "DrillAccount[" + email + ", password=" + SecretMasker.MASK + "]";
    }
}
