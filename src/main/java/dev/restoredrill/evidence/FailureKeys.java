package dev.restoredrill.evidence;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key a failure keeps from drill to drill: {@code <category>/<subject>}, e.g. {@code rpo-breach/postgres},
 * {@code check-failure/gateway-keys-active}, {@code journey-failure/step-4}, {@code data-loss/librechat.messages}.
 * Numbers in the message (ages, counts, times) change every drill; the key does not, so the next drill can say
 * whether the failure is fixed, and an operator can name it in {@code -Ddrill.ticket=<key>=<TICKET>}.
 */
public final class FailureKeys {
    private static final Pattern STEP = Pattern.compile("(?i)\\bstep (\\d+)\\b");

    private final Collection<String> stores;
    private final Collection<String> checks;

    /** @param stores the drill's store names; @param checks its check names (both to find the failure's subject) */
    public FailureKeys(Collection<String> stores, Collection<String> checks) {
        this.stores = stores;
        this.checks = checks;
    }

    /** The keys for the stores and checks an evidence record names. */
    public static FailureKeys of(DrillEvidence evidence) {
        java.util.Set<String> stores = new java.util.LinkedHashSet<>();
        evidence.stores().forEach(s -> stores.add(s.store()));
        BackupFacts.fromManifest(evidence.backupManifest()).forEach(b -> stores.add(b.store()));
        return new FailureKeys(stores, evidence.checks().stream().map(CheckOutcomeView::name).toList());
    }

    public String key(String message) {
        String text = message == null ? "" : message.strip();
        // "postgres: RPO breach: …": the catalog's findings carry their store first.
        for (String store : stores) {
            if (text.startsWith(store + ": ")) {
                text = text.substring(store.length() + 2);
                break;
            }
        }
        String category = category(text);
        String rest = text.regionMatches(true, 0, category, 0, category.length())
                && text.startsWith(":", category.length()) ? text.substring(category.length() + 1).strip() : text;
        return slug(category) + "/" + subject(category, message == null ? "" : message, rest);
    }

    private static String category(String text) {
        for (String name : categoryNames()) {
            if (text.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return name;
            }
        }
        if (text.regionMatches(true, 0, "Restore failed:", 0, "Restore failed:".length())) {
            return "Restore failed";
        }
        return FailureCategories.matching(text).stream().findFirst().map(FailureCategory::name).orElse("Other");
    }

    private static java.util.List<String> categoryNames() {
        return FailureCategories.ALL.stream().map(FailureCategory::name).toList();
    }

    private String subject(String category, String whole, String rest) {
        if (category.equals(FailureCategories.CHECK_FAILURE.name())) {
            Optional<String> check = checks.stream().filter(rest::startsWith)
                    .max(Comparator.comparingInt(String::length));
            if (check.isPresent()) {
                return slug(check.get());
            }
        }
        if (category.equals(FailureCategories.JOURNEY_FAILURE.name())) {
            Matcher step = STEP.matcher(rest);
            if (step.find()) {
                return "step-" + step.group(1);
            }
        }
        if (category.equals(FailureCategories.RTO_MISSED.name()) && rest.contains(" took ")) {
            return slug(rest.substring(0, rest.indexOf(" took ")));
        }
        for (String store : stores) {
            if (Pattern.compile("\\b" + Pattern.quote(store) + "\\b").matcher(whole).find()) {
                return slug(store);
            }
        }
        int colon = rest.indexOf(':');
        String head = colon > 0 ? rest.substring(0, colon) : rest;
        String slug = slug(head.replaceAll("\\d+", ""));
        return slug.isEmpty() ? "unnamed" : slug.substring(0, Math.min(60, slug.length()));
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
    }
}
