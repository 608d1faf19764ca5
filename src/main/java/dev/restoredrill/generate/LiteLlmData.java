package dev.restoredrill.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.restoredrill.migrations.LangfusePins;
import dev.restoredrill.migrations.MigrationRelease;
import dev.restoredrill.migrations.PinnedMigrations;
import dev.restoredrill.migrations.PrismaMigration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * LiteLLM gateway rows (database {@code litellm}). Key 0 is the drill's gateway key: its token is
 * sha256 of the raw key, it is not blocked, never expires and has budget left. Other keys are
 * random, some blocked or expired, as real gateways accumulate.
 */
final class LiteLlmData {
    static final String DATABASE = "litellm";
    static final String DRILL_BUDGET = "drill-budget";
    static final CopyTable BUDGETS = new CopyTable(DATABASE, "\"LiteLLM_BudgetTable\"",
            "budget_id, max_budget, soft_budget, tpm_limit, rpm_limit, budget_duration, budget_reset_at, created_at, created_by, updated_at, updated_by");
    static final CopyTable TEAMS = new CopyTable(DATABASE, "\"LiteLLM_TeamTable\"",
            "team_id, team_alias, admins, members, metadata, max_budget, spend, models, blocked, created_at, updated_at");
    static final CopyTable USERS = new CopyTable(DATABASE, "\"LiteLLM_UserTable\"",
            "user_id, user_alias, team_id, teams, user_role, max_budget, spend, user_email, models, created_at, updated_at");
    static final CopyTable TOKENS = new CopyTable(DATABASE, "\"LiteLLM_VerificationToken\"",
            "token, key_name, key_alias, spend, expires, models, user_id, team_id, metadata, blocked, max_budget, budget_id, created_at, created_by, updated_at, updated_by");
    static final CopyTable SPEND_LOGS = new CopyTable(DATABASE, "\"LiteLLM_SpendLogs\"",
            "request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens, \"startTime\", \"endTime\", "
                    + "\"completionStartTime\", model, model_id, model_group, custom_llm_provider, api_base, \"user\", metadata, "
                    + "cache_hit, request_tags, team_id, end_user, requester_ip_address, session_id, status");
    static final CopyTable MIGRATIONS = new CopyTable(DATABASE, "_prisma_migrations",
            "id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count");
    static final List<CopyTable> BASE_TABLES = List.of(BUDGETS, TEAMS, USERS, TOKENS, MIGRATIONS);
    /** Zeros, as the pinned list writes a checksum it has not pinned (its prisma.txt says why). */
    private static final String UNPINNED_CHECKSUM = "0".repeat(64);

    /**
     * The migrations a generated set records: those of the LiteLLM release the platform pins (the pinned list next to
     * the reference stand-in), so a candidate release finds exactly its own newer migrations pending.
     */
    static MigrationRelease release() {
        return PinnedRelease.RELEASE;
    }

    /** Read once, on first use. */
    private static final class PinnedRelease {
        static final MigrationRelease RELEASE = PinnedMigrations.litellm().load(LangfusePins.platformGatewayRelease());
    }
    private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-3-5-sonnet", "llama-3.1-70b"};

    private final long seed;
    private final DatasetScale scale;
    private final Timeline timeline;
    private final DrillSecrets credentials;

    LiteLlmData(DatasetSpec spec, Timeline timeline, DrillSecrets credentials) {
        this.seed = spec.seed();
        this.scale = spec.scale();
        this.timeline = timeline;
        this.credentials = credentials;
    }

    long baseRows(CopyTable table) {
        if (table == BUDGETS) {
            return scale.teams() + 1;
        }
        if (table == TEAMS) {
            return scale.teams();
        }
        if (table == USERS || table == TOKENS) {
            return scale.gatewayKeys();
        }
        if (table == MIGRATIONS) {
            return release().prisma().size();
        }
        throw new IllegalArgumentException("not a base table: " + table);
    }

    String baseRow(CopyTable table, int index) {
        if (table == BUDGETS) {
            return budget(index);
        }
        if (table == TEAMS) {
            return team(index);
        }
        if (table == MIGRATIONS) {
            return migration(index);
        }
        return table == USERS ? user(index) : token(index);
    }

    private String budget(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.TEAM, -1 - index);
        Instant created = timeline.beforeWindow(r);
        String id = index == 0 ? DRILL_BUDGET : teamId(index - 1) + "-budget";
        return TabSeparated.line(id, index == 0 ? 1000.0 : r.nextInt(50, 5000), r.nextInt(10, 400),
                r.nextInt(10_000, 1_000_000), r.nextInt(60, 6000), "30d",
                TabSeparated.timestamp(timeline.windowStart().plusSeconds((Timeline.HISTORY_DAYS + 20L) * 86_400)),
                TabSeparated.timestamp(created), "admin", TabSeparated.timestamp(created), "admin");
    }

    /** Prisma's row of a migration the gateway's start applied: started, one step, finished a moment later. */
    private String migration(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.GATEWAY_KEY, -200_000 - index);
        PrismaMigration migration = release().prisma().get(index);
        Instant started = timeline.windowStart().minusSeconds(200L * 86_400 - index * 60L);
        return TabSeparated.line(Text.uuid(r), migration.checksum().orElse(UNPINNED_CHECKSUM), started.plusMillis(r.nextInt(20, 900)).toString(), migration.name(),
                null, started.toString(), 1);
    }

    private String teamId(int index) {
        return "team-" + Text.uuid(Seeds.random(seed, Seeds.Stream.TEAM, index));
    }

    private String team(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.TEAM, index);
        String id = Text.uuid(r);
        Instant created = timeline.beforeWindow(r);
        ObjectNode metadata = Json.object().put("cost_center", Text.word(r)).put("owner", "user" + r.nextInt(scale.users()));
        return TabSeparated.line("team-" + id, capitalise(Text.word(r)) + " team", TabSeparated.pgArray(List.of("user-0")),
                TabSeparated.pgArray(List.of("user-" + r.nextInt(scale.gatewayKeys()), "user-" + r.nextInt(scale.gatewayKeys()))),
                Json.text(metadata), r.nextInt(100, 10_000), round(r.nextDouble(0, 100)), TabSeparated.pgArray(List.of(MODELS)),
                "false", TabSeparated.timestamp(created), TabSeparated.timestamp(created));
    }

    private String user(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.GATEWAY_KEY, -1 - index);
        Instant created = timeline.beforeWindow(r);
        String team = teamId(r.nextInt(scale.teams()));
        String email = index == 0 ? credentials.userEmail() : "user" + index + "@example.test";
        return TabSeparated.line("user-" + index, index == 0 ? "restore-drill" : null, team, TabSeparated.pgArray(List.of(team)),
                index == 1 ? "proxy_admin" : "internal_user", r.nextInt(10, 1000), round(r.nextDouble(0, 10)), email,
                TabSeparated.pgArray(List.of()), TabSeparated.timestamp(created), TabSeparated.timestamp(created));
    }

    private String token(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.GATEWAY_KEY, index);
        Instant created = timeline.beforeWindow(r);
        boolean drill = index == 0;
        String rawKey = rawKey(index);
        // A raw key is never stored; the key_name keeps its first and last characters, as LiteLLM does.
        String keyName = "sk-..." + rawKey.substring(rawKey.length() - 4);
        boolean blocked = !drill && r.nextInt(10) == 0;
        Instant expires = drill || r.nextInt(5) > 0 ? null : timeline.windowStart().plusSeconds(r.nextLong(0, 120L * 86_400));
        ObjectNode metadata = Json.object().put("purpose", drill ? "restore drill" : Text.word(r));
        return TabSeparated.line(Hashes.liteLlmToken(rawKey), keyName, drill ? "restore-drill" : "key-" + index,
                drill ? 1.25 : round(r.nextDouble(0, 50)), TabSeparated.timestamp(expires), TabSeparated.pgArray(List.of()),
                "user-" + index, drill ? null : teamId(r.nextInt(scale.teams())), Json.text(metadata), String.valueOf(blocked),
                drill ? 1000.0 : r.nextInt(50, 500), drill ? DRILL_BUDGET : null, TabSeparated.timestamp(created), "admin",
                TabSeparated.timestamp(created), "admin");
    }

    /** The raw key of gateway key {@code index}: the drill's own for 0, a random one otherwise. */
    private String rawKey(int index) {
        return index == 0 ? credentials.gatewayKey() : "sk-" + Text.alnum(Seeds.random(seed, Seeds.Stream.GATEWAY_KEY, -100_000 - index), 22);
    }

    long spendLogs() {
        return scale.spendLogs();
    }

    String spendLog(long index) {
        SplittableRandom r = Seeds.random(seed, Seeds.Stream.SPEND_LOG, index);
        Instant start = timeline.at(Seeds.Stream.SPEND_LOG, index, spendLogs());
        int key = r.nextInt(4) == 0 ? 0 : r.nextInt(scale.gatewayKeys());
        String rawKey = rawKey(key);
        String model = Text.pick(r, MODELS);
        int prompt = r.nextInt(20, 4000);
        int completion = r.nextInt(5, 1500);
        long latency = r.nextLong(300, 30_000);
        boolean ok = r.nextInt(50) > 0;
        ObjectNode metadata = Json.object()
                .put("user_api_key_alias", key == 0 ? "restore-drill" : "key-" + key)
                .put("user_api_key_user_id", "user-" + key)
                .put("requester_ip_address", "10.0." + r.nextInt(256) + "." + r.nextInt(256))
                .put("model_map_information", Text.sentence(r, 10, 40))
                .put("additional_usage_values", Text.sentence(r, 20, 60));
        metadata.putObject("usage_object").put("prompt_tokens", prompt).put("completion_tokens", completion);
        return TabSeparated.line("chatcmpl-" + Text.uuid(r), "acompletion", Hashes.liteLlmToken(rawKey),
                round(prompt * 0.000001 + completion * 0.000004), prompt + completion, prompt, completion,
                TabSeparated.timestamp(start), TabSeparated.timestamp(start.plusMillis(latency)),
                TabSeparated.timestamp(start.plusMillis(latency / 5)), model, Text.uuid(r), model, "openai",
                "https://api.openai.com/v1", "user-" + key, Json.text(metadata), "False",
                "[\"" + Text.word(r) + "\"]", null, "", "10.0.0." + r.nextInt(256), Text.uuid(r), ok ? "success" : "failure");
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
