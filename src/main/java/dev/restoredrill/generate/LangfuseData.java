package dev.restoredrill.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restoredrill.migrations.LangfusePins;
import dev.restoredrill.migrations.MigrationRelease;
import dev.restoredrill.migrations.PinnedMigrations;
import dev.restoredrill.migrations.PrismaMigration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Langfuse v3: metadata rows for Postgres (database {@code langfuse}), traces with their
 * observations and scores for ClickHouse, and the S3 objects (ingestion events, media).
 * Project 0 is the drill's, with the drill's API key pair; most traces belong to it.
 */
final class LangfuseData {
    static final String DATABASE = "langfuse";
    static final String BUCKET = "langfuse";
    static final CopyTable ORGANIZATIONS = new CopyTable(DATABASE, "organizations", "id, name, created_at, updated_at, metadata");
    static final CopyTable PROJECTS = new CopyTable(DATABASE, "projects", "id, created_at, name, updated_at, org_id, deleted_at, retention_days");
    static final CopyTable USERS = new CopyTable(DATABASE, "users", "id, name, email, email_verified, password, admin, created_at, updated_at");
    static final CopyTable API_KEYS = new CopyTable(DATABASE, "api_keys",
            "id, created_at, note, public_key, hashed_secret_key, fast_hashed_secret_key, display_secret_key, last_used_at, project_id, scope");
    static final CopyTable PROMPTS = new CopyTable(DATABASE, "prompts",
            "id, created_at, updated_at, project_id, created_by, prompt, name, version, type, is_active, config, tags, labels");
    static final CopyTable MIGRATIONS = new CopyTable(DATABASE, "_prisma_migrations",
            "id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count");
    static final List<CopyTable> BASE_TABLES = List.of(ORGANIZATIONS, PROJECTS, USERS, API_KEYS, PROMPTS, MIGRATIONS);
    /**
     * The migrations a generated set records: those of the Langfuse release the platform pins, with their real
     * versions, names and checksums (the pinned lists), so the set restores into the pinned official images.
     */
    static MigrationRelease release() {
        return PinnedRelease.RELEASE;
    }

    /** Read once, on first use. */
    private static final class PinnedRelease {
        static final MigrationRelease RELEASE = PinnedMigrations.project().load(LangfusePins.platformRelease());
    }

    private static final int PROJECTS_PER_ORG = 2;
    private static final int PROMPTS_PER_PROJECT = 4;
    private static final int PROMPT_VERSIONS = 3;
    private static final String[] OBSERVATION_NAMES = {"retrieve", "rerank", "chat-completion", "tool-call", "summarise"};
    private static final String[] SCORE_NAMES = {"helpfulness", "correctness", "user-feedback", "toxicity"};
    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet", "llama-3.1-70b"};

    private final long seed;
    private final DatasetScale scale;
    private final Timeline timeline;
    private final DrillSecrets credentials;
    private final BcryptPool passwords;
    /** The API-key rows (one per project, a dozen at most), each with its bcrypt hash: made once, maybe ahead. */
    private final Map<Integer, String> apiKeyRows = new ConcurrentHashMap<>();

    LangfuseData(DatasetSpec spec, Timeline timeline, DrillSecrets credentials, BcryptPool passwords) {
        this.seed = spec.seed();
        this.scale = spec.scale();
        this.timeline = timeline;
        this.credentials = credentials;
        this.passwords = passwords;
    }

    int projects() {
        return scale.langfuseOrgs() * PROJECTS_PER_ORG;
    }

    String projectId(int index) {
        return index == 0 ? "restore-drill-project" : Text.cuid(Seeds.random(seed, Seeds.Stream.LANGFUSE, 1_000 + index));
    }

    private String orgId(int index) {
        return Text.cuid(Seeds.random(seed, Seeds.Stream.LANGFUSE, 2_000 + index));
    }

    long baseRows(CopyTable table) {
        if (table == ORGANIZATIONS) {
            return scale.langfuseOrgs();
        }
        if (table == PROJECTS || table == API_KEYS) {
            return projects();
        }
        if (table == USERS) {
            return 1 + scale.users() / 20;
        }
        if (table == PROMPTS) {
            return (long) projects() * PROMPTS_PER_PROJECT * PROMPT_VERSIONS;
        }
        if (table == MIGRATIONS) {
            return release().prisma().size();
        }
        throw new IllegalArgumentException("not a Langfuse table: " + table);
    }

    String baseRow(CopyTable table, int index) {
        if (table == API_KEYS) {
            return apiKeyRows.computeIfAbsent(index, i -> row(API_KEYS, i)); // a second caller waits for the first
        }
        return row(table, index);
    }

    /** Makes the API-key rows now, for {@link Dataset#hashAhead()}. */
    void makeApiKeysAhead() {
        for (int i = 0; i < projects(); i++) {
            baseRow(API_KEYS, i);
        }
    }

    private String row(CopyTable table, int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.LANGFUSE, 10_000L * (BASE_TABLES.indexOf(table) + 1) + index);
        Instant created = timeline.beforeWindow(r);
        String at = TabSeparated.timestamp(created);
        if (table == ORGANIZATIONS) {
            return TabSeparated.line(orgId(index), capitalise(Text.word(r)) + " org", at, at, "{}");
        }
        if (table == PROJECTS) {
            String name = index == 0 ? "restore-drill" : Text.word(r) + "-" + Text.word(r);
            return TabSeparated.line(projectId(index), at, name, at, orgId(index / PROJECTS_PER_ORG), null, index == 0 ? null : 90);
        }
        if (table == USERS) {
            String email = index == 0 ? credentials.userEmail() : "user" + index + "@example.test";
            String password = index == 0 ? Hashes.bcrypt(credentials.userPassword(), r) : passwords.pick(r);
            return TabSeparated.line(Text.cuid(r), index == 0 ? "Restore Drill" : "user" + index, email, at, password,
                    String.valueOf(index == 0), at, at);
        }
        if (table == API_KEYS) {
            return apiKey(r, index, at);
        }
        if (table == PROMPTS) {
            return prompt(r, index, at);
        }
        return migration(r, index, created);
    }

    private String apiKey(SplittableRandom r, int index, String at) {
        boolean drill = index == 0;
        String publicKey = drill ? credentials.langfusePublicKey() : "pk-lf-" + Text.uuid(r);
        String secretKey = drill ? credentials.langfuseSecretKey() : "sk-lf-" + Text.uuid(r);
        String display = "sk-lf-..." + secretKey.substring(secretKey.length() - 4);
        return TabSeparated.line(Text.cuid(r), at, drill ? "restore drill" : null, publicKey, Hashes.bcrypt(secretKey, r),
                Hashes.langfuseFastHash(secretKey, credentials.langfuseSalt()), display, null, projectId(index), "PROJECT");
    }

    private String prompt(SplittableRandom r, int index, String at) {
        int project = index / (PROMPTS_PER_PROJECT * PROMPT_VERSIONS);
        int name = index / PROMPT_VERSIONS % PROMPTS_PER_PROJECT;
        int version = index % PROMPT_VERSIONS + 1;
        String prompt = Json.text(Text.paragraphs(r, 400) + " {{question}}");
        String labels = version == PROMPT_VERSIONS ? TabSeparated.pgArray(List.of("production", "latest")) : TabSeparated.pgArray(List.of());
        return TabSeparated.line(Text.cuid(r), at, at, projectId(project), "user0", prompt, "prompt-" + name, version, "text",
                String.valueOf(version == PROMPT_VERSIONS), "{\"temperature\":0.2}", TabSeparated.pgArray(List.of(Text.word(r))), labels);
    }

    /** Prisma's row of a migration {@code migrate deploy} applied: started, one step, finished a moment later. */
    private String migration(SplittableRandom r, int index, Instant created) {
        PrismaMigration migration = release().prisma().get(index);
        Instant started = timeline.windowStart().minusSeconds(400L * 86_400 - index * 60L);
        return TabSeparated.line(Text.uuid(r), migration.checksum().orElseThrow(),
                started.plusMillis(r.nextInt(20, 900)).toString(), migration.name(), null, started.toString(), 1);
    }

    long traces() {
        return scale.traces();
    }

    /** One trace with its observations, its scores and the S3 event Langfuse kept of its ingestion. */
    TraceBundle trace(long index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.TRACE, index);
        Instant start = timeline.at(Seeds.Stream.TRACE, index, traces());
        String project = projectId(r.nextInt(5) > 0 ? 0 : r.nextInt(projects()));
        String traceId = Text.uuid(r);
        String input = Text.paragraphs(r, r.nextInt(50, 600));
        String output = Text.paragraphs(r, r.nextInt(100, 1_500));
        String user = "user" + r.nextInt(scale.users());
        String session = Text.uuid(r);
        ObjectNode metadata = Json.object().put("environment", "production").put("release", "v1." + r.nextInt(20));
        List<String> tags = List.of(Text.word(r), Text.word(r));
        String ts = TabSeparated.dateTime(start);
        String traceRow = TabSeparated.line(traceId, ts, "chat", user, Json.text(metadata), "v1." + r.nextInt(20), null, project,
                "default", 0, r.nextInt(20) == 0 ? 1 : 0, TabSeparated.chArray(tags), input, output, session, ts, ts, ts, 0);

        int generations = r.nextInt(1, 4);
        List<String> observations = new ArrayList<>(generations + 1);
        String spanId = Text.uuid(r);
        Instant end = start.plusMillis(r.nextLong(500, 40_000));
        observations.add(TabSeparated.line(spanId, traceId, project, "default", "SPAN", null, ts, TabSeparated.dateTime(end), "handle-request",
                "{}", "DEFAULT", null, null, null, null, null, null, "{}", "{}", null, null, null, null, ts, ts, ts, 0));
        double traceCost = 0;
        for (int g = 0; g < generations; g++) {
            String model = Text.pick(r, MODELS);
            int in = r.nextInt(20, 3000);
            int out = r.nextInt(10, 1200);
            double cost = Math.round((in * 0.000001 + out * 0.000004) * 1e8) / 1e8;
            traceCost += cost;
            Instant gStart = start.plusMillis(r.nextLong(0, 2_000));
            observations.add(TabSeparated.line(Text.uuid(r), traceId, project, "default", "GENERATION", spanId,
                    TabSeparated.dateTime(gStart), TabSeparated.dateTime(end), Text.pick(r, OBSERVATION_NAMES), "{}",
                    r.nextInt(40) == 0 ? "ERROR" : "DEFAULT", null, null, Text.paragraphs(r, r.nextInt(50, 500)),
                    Text.paragraphs(r, r.nextInt(50, 800)), model, "{\"temperature\":0.7}",
                    "{\"input\":" + in + ",\"output\":" + out + ",\"total\":" + (in + out) + "}", "{\"total\":" + cost + "}", cost,
                    TabSeparated.dateTime(gStart.plusMillis(300)), r.nextInt(3) == 0 ? "prompt-0" : null, r.nextInt(3) == 0 ? 3 : null,
                    ts, ts, ts, 0));
        }
        int scoreCount = r.nextInt(3);
        List<String> scores = new ArrayList<>(scoreCount);
        for (int s = 0; s < scoreCount; s++) {
            scores.add(TabSeparated.line(Text.uuid(r), ts, project, "default", traceId, null, Text.pick(r, SCORE_NAMES),
                    Math.round(r.nextDouble() * 100) / 100.0, r.nextBoolean() ? "API" : "ANNOTATION", null, "NUMERIC", null,
                    ts, ts, ts, r.nextInt(50) == 0 ? 1 : 0)); // a few soft-deleted scores, as Langfuse keeps them
        }
        String eventId = Text.uuid(r);
        String key = "events/" + project + "/trace/" + traceId + "/" + eventId + ".json";
        return new TraceBundle(traceRow, observations, scores, key, traceEvent(eventId, traceId, start, user, session, input, output, traceCost));
    }

    private static String traceEvent(String eventId, String traceId, Instant at, String user, String session,
                                      String input, String output, double cost) {
        ArrayNode events = Json.MAPPER.createArrayNode();
        ObjectNode event = events.addObject().put("id", eventId).put("timestamp", at.toString()).put("type", "trace-create");
        event.putObject("body").put("id", traceId).put("timestamp", at.toString()).put("name", "chat").put("userId", user)
                .put("sessionId", session).put("input", input).put("output", output).put("environment", "default")
                .putObject("metadata").put("totalCost", cost);
        return Json.text(events);
    }

    long mediaObjects() {
        return scale.mediaObjects();
    }

    /** A media upload: an image-like blob (random bytes behind a PNG signature, so incompressible as images are). */
    MediaObject media(long index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.MEDIA, index);
        String project = projectId(r.nextInt(5) > 0 ? 0 : r.nextInt(projects()));
        int size = r.nextInt(16 * 1024, 176 * 1024);
        byte[] bytes = new byte[size];
        r.nextBytes(bytes);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return new MediaObject("media/" + project + "/" + Text.alnum(r, 22) + ".png", "image/png", bytes);
    }

    /** golang-migrate's rows: each of the release's migrations marked dirty, applied, then marked clean. */
    List<String> schemaMigrationRows() {
        List<String> rows = new ArrayList<>();
        long sequence = timeline.windowStart().minusSeconds(400L * 86_400).getEpochSecond() * 1_000_000_000L;
        for (var migration : release().clickhouse()) {
            rows.add(TabSeparated.line(migration.version(), 1, sequence += 1_000_000));
            rows.add(TabSeparated.line(migration.version(), 0, sequence += 50_000_000));
        }
        return rows;
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
