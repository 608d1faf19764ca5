package dev.restoredrill.stack;

/**
 * The containers and networks the harness itself adds to a drill (label {@value #LABEL}), so the isolation evidence
 * can tell them from the platform's services: they are the only ones allowed a published port or a second network.
 */
public enum HarnessRole {
    /** Testcontainers' socat ambassador: the harness's way in, published on an ephemeral host port. */
    AMBASSADOR("ambassador"),
    /** The egress probe's test host, outside the drill network. */
    PROBE_TARGET("egress-probe-target"),
    /** A probe container, inside or outside the drill network. */
    PROBE("egress-probe"),
    /** A forwarder to a destination the scenario allows ({@code isolation.allow_egress}). */
    EGRESS_GATEWAY("egress-gateway");

    public static final String LABEL = "dev.restoredrill.role";

    private final String value;

    HarnessRole(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static HarnessRole of(String value) {
        for (HarnessRole role : values()) {
            if (role.value.equals(value)) {
                return role;
            }
        }
        return null;
    }
}
