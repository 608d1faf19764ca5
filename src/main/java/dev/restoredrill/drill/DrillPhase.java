package dev.restoredrill.drill;

/** The drill's phases, in order, as the report groups its tests. */
public enum DrillPhase {
    CATALOG("Backup catalog"),
    RESTORE("Restore"),
    ISOLATION("Isolation"),
    COMPLETENESS("Completeness"),
    CHECKS("Checks"),
    JOURNEY("App journey");

    private final String title;

    DrillPhase(String title) {
        this.title = title;
    }

    /** The phase's name in the report. */
    public String title() {
        return title;
    }
}
