package dev.restoredrill.verify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a report, a log or an exception: the literal secrets the drill
 * knows (its passwords, the session token) in every spelling they travel in, plus the shapes secrets have
 * in HTTP traffic (Bearer values, JSON password/token fields, {@code sk-} keys, credentials in URLs).
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final List<Rule> PATTERNS = List.of(
            new Rule(Pattern.compile("(Bearer )[^\\s\"',;]+"), "$1" + MASK),
            new Rule(Pattern.compile("(\"password\"\\s*:\\s*\")[^\"]*(\")", Pattern.CASE_INSENSITIVE), "$1" + MASK + "$2"),
            // "token", "tempToken", "refreshToken", "access_token": any JSON string field whose name ends in token.
            new Rule(Pattern.compile("(\"[A-Za-z_]*token\"\\s*:\\s*\")[^\"]*(\")", Pattern.CASE_INSENSITIVE),
                    "$1" + MASK + "$2"),
            new Rule(Pattern.compile("sk-[A-Za-z0-9_-]{6,}"), "sk-" + MASK),
            new Rule(Pattern.compile("(://[^:/@\\s]+:)[^@/\\s]+@"), "$1" + MASK + "@"));

    private Secrets() {
    }

    /**
     * The text with every known secret and every secret-shaped value replaced by {@value #MASK}.
     *
     * @param text         any text; null stays null
     * @param knownSecrets literal secrets (blank ones are ignored); also masked URL- and JSON-encoded
     */
    public static String mask(String text, Collection<String> knownSecrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String literal : spellings(knownSecrets)) {
            masked = masked.replace(literal, MASK);
        }
        for (Rule rule : PATTERNS) {
            masked = rule.pattern.matcher(masked).replaceAll(rule.replacement);
        }
        return masked;
    }

    /** Each secret as sent raw, URL-encoded (form bodies, query strings) and JSON-escaped; longest first. */
    private static List<String> spellings(Collection<String> knownSecrets) {
        Set<String> spellings = new LinkedHashSet<>();
        for (String secret : knownSecrets) {
            if (secret == null || secret.isBlank()) {
                continue;
            }
            spellings.add(secret);
            spellings.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            spellings.add(secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        }
        // Longest first, so a secret containing a shorter one is masked whole.
        return spellings.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private record Rule(Pattern pattern, String replacement) {
    }
}
