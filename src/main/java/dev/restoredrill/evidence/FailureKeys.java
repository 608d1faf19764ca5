package dev.restoredrill.evidence;

import dev.restoredrill.outcome.Failure;
import dev.restoredrill.outcome.FailureCategory;
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

    public String key(Failure failure) {
        FailureCategory category = failure.category();
        String rest = failure.message().substring(category.label().length() + 1).strip();
        // "RPO breach: postgres: …": findings of a store name it first.
        for (String store : stores) {
            if (rest.startsWith(store + ": ")) {
                rest = rest.substring(store.length() + 2);
                break;
            }
        }
        return slug(category.label()) + "/" + subject(category, failure.message(), rest);
    }

    private String subject(FailureCategory category, String whole, String rest) {
        if (category == FailureCategory.CHECK_FAILURE) {
            Optional<String> check = checks.stream().filter(rest::startsWith)
                    .max(Comparator.comparingInt(String::length));
            if (check.isPresent()) {
                return slug(check.get());
            }
        }
        if (category == FailureCategory.JOURNEY_FAILURE) {
            Matcher step = STEP.matcher(rest);
            if (step.find()) {
                return "step-" + step.group(1);
            }
        }
        if (category == FailureCategory.RTO_MISSED && rest.contains(" took ")) {
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
