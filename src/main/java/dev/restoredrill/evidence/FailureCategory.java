package dev.restoredrill.evidence;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An Allure category: failed or broken tests whose message matches {@code messageRegex} are listed under
 * {@code name} in the report's Categories tab. Allure matches the whole message (DOTALL), as {@link #matches} does.
 */
public record FailureCategory(String name, List<String> matchedStatuses, String messageRegex) {

    public FailureCategory {
        matchedStatuses = List.copyOf(matchedStatuses);
        Pattern.compile(messageRegex, Pattern.DOTALL); // a bad regex fails here, not in the report
    }

    public boolean matches(String message) {
        return message != null && Pattern.compile(messageRegex, Pattern.DOTALL).matcher(message).matches();
    }
}
