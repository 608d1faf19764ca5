package dev.restoredrill.backup.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What {@code -Ddrill.backups} names: a local directory (as today), {@code s3://bucket/prefix} (laid out as
 * {@code aws s3 sync /backups s3://bucket/prefix} leaves it), or {@code restic:<repository>} with the repository
 * spelled as restic spells it ({@code /srv/restic}, {@code sftp:host:/srv/restic}, {@code s3:https://...}).
 *
 * @param kind       which of the three
 * @param raw        as given
 * @param bucket     S3 bucket, else null
 * @param prefix     S3 key prefix without leading or trailing slash ("" for the bucket's top), else null
 * @param repository restic repository, else null
 */
public record SourceUri(Kind kind, String raw, String bucket, String prefix, String repository) {

    public enum Kind { DIRECTORY, S3, RESTIC }

    static final String EXPECTED = "expected a directory (/backups), s3://bucket/prefix or restic:<repository>";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
    /** user:password@ inside a URL (restic's rest:https://u:p@host/, s3:https://k:s@host/...). */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]+):[^@/\\s]*@");

    /** @throws IllegalArgumentException saying what was expected, what was found (masked) and what to do */
    public static SourceUri parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("-Ddrill.backups is empty; " + EXPECTED + ".");
        }
        String text = spec.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("s3://")) {
            return s3(text);
        }
        if (lower.startsWith("restic:")) {
            String repository = text.substring("restic:".length()).strip();
            if (repository.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' names no repository; expected restic:<repository>"
                        + " as restic -r takes it, e.g. restic:/srv/restic-repo or restic:sftp:backup-vm:/srv/restic.");
            }
            return new SourceUri(Kind.RESTIC, text, null, null, repository);
        }
        if (lower.startsWith("s3:") || SCHEME.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + mask(text) + "' is not a backup source the drill reads; "
                    + EXPECTED + " (an S3 URI is s3://bucket/prefix; restic's own s3: repositories go after"
                    + " restic:).");
        }
        return new SourceUri(Kind.DIRECTORY, text, null, null, null);
    }

    private static SourceUri s3(String text) {
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
        if (bucket.contains("@") || bucket.contains(":")) {
            throw new IllegalArgumentException("'" + mask(text) + "' carries credentials or a port in the bucket"
                    + " name; expected s3://bucket/prefix. Give credentials as the AWS SDK reads them"
                    + " (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, a role) and an S3-compatible"
                    + " endpoint with AWS_ENDPOINT_URL or -Ddrill.s3.endpoint.");
        }
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no bucket; expected s3://bucket/prefix, e.g."
                    + " s3://acme-backups/nightly.");
        }
        return new SourceUri(Kind.S3, text, bucket, prefix, null);
    }

    /** The source as evidence and logs may show it: a password inside a URL becomes ***. */
    public String masked() {
        return mask(raw);
    }

    static String mask(String text) {
        return URL_PASSWORD.matcher(text).replaceAll("$1:***@");
    }

    public boolean remote() {
        return kind != Kind.DIRECTORY;
    }
}
