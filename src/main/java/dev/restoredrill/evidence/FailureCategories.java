package dev.restoredrill.evidence;

import dev.restoredrill.outcome.FailureCategory;

import java.util.Arrays;
import java.util.List;

/**
 * The report's categories (Allure's categories.json), one per {@link FailureCategory}: a failed or broken test
 * whose message matches a category's regex is listed under its name. The message contract is in EVIDENCE.md.
 */
public final class FailureCategories {

    /** One entry of categories.json, as Allure reads it. */
    public record AllureCategory(String name, List<String> matchedStatuses, String messageRegex) {
    }

    private static final List<String> FAILED_OR_BROKEN = List.of("failed", "broken");

    public static final List<AllureCategory> ALL = Arrays.stream(FailureCategory.values())
            .map(c -> new AllureCategory(c.label(), FAILED_OR_BROKEN, c.allureRegex()))
            .toList();

    private FailureCategories() {}
}
