package dev.restoredrill.stack;

/** The labels by which everything a drill creates is found again, also after a killed run. */
public final class DrillLabels {

    /** Set by compose/drill.override.yml on every container, volume and network of a drill. */
    public static final String DRILL = "dev.restoredrill.drill";

    /** The pid of the JVM that runs the drill: a drill whose JVM is gone left its resources behind. */
    public static final String OWNER_PID = "dev.restoredrill.owner-pid";

    /** Set by compose itself; the drill's project name is its value. */
    public static final String COMPOSE_PROJECT = "com.docker.compose.project";

    /** Set on helper containers the harness runs itself (tar extraction, dumps). */
    public static final String HELPER = "dev.restoredrill.helper";

    private DrillLabels() {
    }
}
