package dev.restoredrill.scenario;

import java.util.Locale;

/**
 * How much a failed check matters, named as Allure names severities so the report can carry them
 * unchanged. A blocker means the restored platform is not usable; critical means data the business
 * needs is missing; normal means an observability gap.
 */
public enum Severity {
    BLOCKER, CRITICAL, NORMAL;

    /** The spelling used in scenarios and reports: {@code blocker}, {@code critical}, {@code normal}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
