package dev.restoredrill.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The user's journey through the restored app: sign in, list recent conversations, open the newest,
 * send a chat and wait for the answer. Credentials are never in the plan, only the names of the
 * environment variables that hold them.
 *
 * @param baseService   the compose service serving the app's HTTP API ({@code librechat})
 * @param emailEnv      environment variable holding the drill account's email
 * @param passwordEnv   environment variable holding the drill account's password
 * @param endpoint      the chat endpoint, as LibreChat names it in {@code POST /api/agents/chat/{endpoint}}: for the
 *                      gateway, its librechat.yaml custom endpoint's name (its type comes from the app)
 * @param model         the model the chat asks for
 * @param prompt        the text sent; short and deterministic so the answer is cheap
 * @param answerTimeout how long to wait for the complete answer
 */
public record JourneyPlan(String baseService, String emailEnv, String passwordEnv, String endpoint,
                          String model, String prompt, Duration answerTimeout) {

    public static final String DEFAULT_BASE_SERVICE = "librechat";
    /** The port LibreChat serves its API on inside the stack. */
    public static final int APP_PORT = 3080;
    public static final String DEFAULT_EMAIL_ENV = "DRILL_USER_EMAIL";
    public static final String DEFAULT_PASSWORD_ENV = "DRILL_USER_PASSWORD";
    public static final String DEFAULT_PROMPT = "Restore drill: reply with the single word 'restored'.";
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(60);

    public JourneyPlan {
        Plans.requireText(baseService, "baseService");
        Plans.requireText(emailEnv, "emailEnv");
        Plans.requireText(passwordEnv, "passwordEnv");
        Plans.requireText(endpoint, "endpoint");
        Plans.requireText(model, "model");
        Plans.requireText(prompt, "prompt");
        if (answerTimeout == null || answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answerTimeout must be longer than zero");
        }
    }

    /** The environment variables the journey reads, for a fail-fast check before the drill starts. */
    public List<String> environmentVariables() {
        return List.of(emailEnv, passwordEnv);
    }

    /** Those of {@link #environmentVariables()} unset or empty in {@code environment} (e.g. System.getenv()). */
    public List<String> missingFrom(Map<String, String> environment) {
        return environmentVariables().stream()
                .filter(name -> environment.getOrDefault(name, "").isEmpty())
                .toList();
    }
}
