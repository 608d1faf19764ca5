package dev.restoredrill.outcome;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces secrets with {@value #MASK} in every text the report holds: the literals registered at the start of
 * the run (generated drill passwords, secret environment values) and the shapes secrets take in logs, JSON,
 * URLs and commands (patterns below, documented in EVIDENCE.md). Thread-safe: stages register while others mask.
 */
public final class SecretMasker {
    public static final String MASK = "******";

    /** Names whose values are secrets: in JSON keys, key=value pairs, YAML keys and environment variables. */
    private static final String SECRET_NAME =
            "(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|credential|private[_-]?key|authorization)";
    private static final Pattern SECRET_ENV_NAME = Pattern.compile("(?i).*" + SECRET_NAME + ".*");

    private static final List<Rule> RULES = List.of(
            // scheme://user:pass@host — before the key=value rule, which would stop at ':'.
            new Rule("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@\\s\"'<>]*:)[^@/\\s\"'<>]+@", "$1" + MASK + "@"),
            // Stops at quotes and separators so JSON around the token stays well-formed.
            new Rule("(?i)\\b(Bearer|Basic)\\s+[^\\s\"'\\\\,;<>]+", "$1 " + MASK),
            // OpenAI-style keys and Langfuse secret keys (sk-lf-…); not the tail of a word like "task-1234567".
            new Rule("(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{6,}", "sk-" + MASK),
            // "password": "…", also JSON escaped inside a JSON string (\"password\": \"…\").
            new Rule("(?i)(\\\\?\"[A-Za-z0-9_.-]*" + SECRET_NAME + "[A-Za-z0-9_.-]*\\\\?\"\\s*:\\s*\\\\?\")[^\"\\\\]+",
                    "$1" + MASK),
            // PGPASSWORD=…, ?password=… and &api_key=… in URLs and JDBC strings, --password=…
            new Rule("(?i)([A-Za-z0-9_.-]*" + SECRET_NAME + "[A-Za-z0-9_.-]*=)[^&\\s\"'#;,<>\\\\]+", "$1" + MASK),
            // YAML and header lines: "POSTGRES_PASSWORD: …", "x-api-key: …" (line start only: prose is left alone;
            // "Authorization: Bearer …" is the Bearer rule's).
            new Rule("(?im)^(\\s*-?\\s*[A-Za-z0-9_.-]*" + SECRET_NAME + "[A-Za-z0-9_.-]*\\s*:[ \\t]+)"
                    + "(?!(?i:Bearer|Basic)\\s)[^\\s#\"'][^\\s#]*", "$1" + MASK));

    private final Set<String> literals = ConcurrentHashMap.newKeySet();

    /** A masker that knows these secrets (blank ones are ignored). */
    public static SecretMasker of(Collection<String> secrets) {
        SecretMasker masker = new SecretMasker();
        secrets.forEach(masker::register);
        return masker;
    }

    /**
     * Registers a secret to mask wherever it appears: verbatim, JSON escaped, or URL-encoded (form bodies, query
     * strings); null and blank are ignored.
     */
    public SecretMasker register(String secret) {
        if (secret != null && !secret.isBlank()) {
            literals.add(secret);
        }
        return this;
    }

    /** Registers the values of the variables whose names say they hold a secret (…PASSWORD, …TOKEN, …KEY…). */
    public SecretMasker registerSecretEnvironment(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (SECRET_ENV_NAME.matcher(name).matches()) {
                register(value);
            }
        });
        return this;
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String literal : literalsLongestFirst(false)) {
            masked = masked.replace(literal, MASK);
        }
        for (Rule rule : RULES) {
            masked = rule.apply(masked);
        }
        return masked;
    }

    /**
     * Writes {@code source} masked to {@code target}, line by line: memory holds one line, not the file. Bytes are
     * read as ISO-8859-1 so that whatever does not match (UTF-8 text, binary) is written back byte for byte.
     */
    public void maskFile(Path source, Path target) throws IOException {
        List<String> byteLiterals = literalsLongestFirst(true);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(source));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    writeMasked(line, byteLiterals, out);
                }
            }
            writeMasked(line, byteLiterals, out);
        }
    }

    /** Copies every regular file under {@code sourceDir} to the same place under {@code targetDir}, masked. */
    public int maskTree(Path sourceDir, Path targetDir) throws IOException {
        int files = 0;
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = targetDir.resolve(sourceDir.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    maskFile(source, target);
                    files++;
                }
                // Links and special files are not evidence the drill wrote: left out.
            }
        }
        return files;
    }

    private void writeMasked(ByteArrayOutputStream line, List<String> byteLiterals, OutputStream out)
            throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        for (String literal : byteLiterals) {
            text = text.replace(literal, MASK);
        }
        for (Rule rule : RULES) {
            text = rule.apply(text);
        }
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        line.reset();
    }

    /** Each literal and its JSON-escaped form; as ISO-8859-1 views of their UTF-8 bytes when masking files. */
    private List<String> literalsLongestFirst(boolean asBytes) {
        List<String> forms = new ArrayList<>();
        for (String literal : literals) {
            for (String form : List.of(literal, jsonEscaped(literal), URLEncoder.encode(literal, StandardCharsets.UTF_8),
                    jsonEscaped(literal).replace("/", "\\/"))) {
                String view = asBytes
                        ? new String(form.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                        : form;
                if (!forms.contains(view)) {
                    forms.add(view);
                }
            }
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        return forms;
    }

    private static String jsonEscaped(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '/' -> escaped.append('/');
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }
}
