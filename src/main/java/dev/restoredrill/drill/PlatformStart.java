package dev.restoredrill.drill;

import dev.restoredrill.migrations.AppliedMigrations;
import dev.restoredrill.migrations.ImageMigrations;
import dev.restoredrill.migrations.LangfuseImage;
import dev.restoredrill.migrations.LiteLlmImage;
import dev.restoredrill.migrations.MigrationRelease;
import dev.restoredrill.migrations.PinnedMigrations;
import dev.restoredrill.migrations.RecordedMigrations;
import dev.restoredrill.migrations.RecordedMigrationsReader;
import dev.restoredrill.migrations.SchemaAheadCheck;
import dev.restoredrill.migrations.SchemaFingerprint;
import dev.restoredrill.migrations.SchemaFingerprintReader;
import dev.restoredrill.migrations.StoreMigrations;
import dev.restoredrill.restore.ParallelRestore;
import dev.restoredrill.restore.RestoreOutcome;
import dev.restoredrill.scenario.SchemaRule;
import dev.restoredrill.stack.DrillStack;
import dev.restoredrill.stack.ServiceFailedException;
import dev.restoredrill.verify.StoreConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runbook's "Start it" after the restores: records the Langfuse migrations the restored stores hold, starts the
 * platform's apps ({@link PlatformApps}) and waits for each to be healthy, then compares what the backup recorded
 * with what the langfuse-web image ships ({@link SchemaAheadCheck}) and records the stores' migrations again, as the
 * app left them. An app that will not start fails alone, with its log tail.
 */
final class PlatformStart {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformStart.class);
    private static final int LOG_LINES = 40;

    private final DrillStack stack;
    private final StoreConnections connections;
    private final Duration timeout;
    private final List<SchemaRule> mustNot;

    PlatformStart(DrillStack stack, StoreConnections connections, Duration timeout, List<SchemaRule> mustNot) {
        this.stack = stack;
        this.connections = connections;
        this.timeout = timeout;
        this.mustNot = mustNot;
    }

    PlatformOutcome run(List<String> apps, ParallelRestore.Result restores) {
        if (apps.isEmpty()) {
            return PlatformOutcome.none();
        }
        List<String> unrestored = PlatformApps.LANGFUSE_STORES.stream().filter(store -> !restored(restores, store))
                .sorted().toList();
        Map<String, AppOutcome> outcomes = new LinkedHashMap<>();
        if (!unrestored.isEmpty()) {
            String why = "Restore failed: not started, because " + unrestored + " were not restored; an app on "
                    + "missing stores proves nothing. Fix the restore of those stores first.";
            apps.forEach(app -> outcomes.put(app, new AppOutcome(app, Duration.ZERO, Optional.of(why), "")));
            return new PlatformOutcome(outcomes, Optional.of(LangfuseMigrations.notChecked("", why)),
                    Optional.empty());
        }
        RecordedMigrationsReader reader = new RecordedMigrationsReader(connections);
        boolean gateway = apps.contains(PlatformApps.LITELLM);
        List<String> databases = gateway ? List.of(PlatformApps.LANGFUSE_DATABASE, PlatformApps.LITELLM_DATABASE)
                : List.of(PlatformApps.LANGFUSE_DATABASE);
        Optional<RecordedMigrations> before = read(reader, databases, "as restored");
        boolean mongodb = restored(restores, "mongodb");
        SchemaFingerprintReader fingerprints = new SchemaFingerprintReader(connections);
        Optional<SchemaFingerprint> restoredSchema = fingerprint(fingerprints, mongodb, "as restored");
        long start = System.nanoTime();
        try {
            stack.startLater(apps);
            for (String app : apps) {
                outcomes.put(app, await(app, start));
            }
        } catch (RuntimeException e) {
            for (String app : apps) {
                outcomes.putIfAbsent(app, new AppOutcome(app, since(start), Optional.of("Service failed: " + app
                        + " could not be started: " + e.getMessage()), stack.logTail(app, LOG_LINES)));
            }
        }
        Optional<RecordedMigrations> after = read(reader, databases, "after the apps started");
        Optional<LangfuseMigrations> langfuse = Optional.of(compare(before, after));
        Optional<GatewayMigrations> gatewayMigrations = gateway ? Optional.of(compareGateway(before, after))
                : Optional.empty();
        Optional<SchemaFingerprint> afterSchema = fingerprint(fingerprints, mongodb, "after the apps started");
        SchemaChange schema = new SchemaChange(restoredSchema, afterSchema, restoredSchema.isPresent()
                && afterSchema.isPresent() ? Optional.empty() : Optional.of("the schema could not be read (see the "
                + "drill log)"), mustNot);
        schema.diff().forEach(line -> LOG.info("schema change at start: {}", line));
        schema.violations().forEach(line -> LOG.warn("schema rule violated at start: {}", line));
        return new PlatformOutcome(outcomes, langfuse, Optional.of(schema), gatewayMigrations);
    }

    private AppOutcome await(String app, long start) {
        try {
            stack.awaitHealthy(app, timeout);
            LOG.info("{}: healthy after {} s", app, since(start).toSeconds());
            return new AppOutcome(app, since(start), Optional.empty(), stack.logTail(app, LOG_LINES));
        } catch (ServiceFailedException e) {
            LOG.warn("{}: {}", app, e.getMessage());
            return new AppOutcome(app, since(start), Optional.of("Service failed: " + e.getMessage()), e.logTail());
        } catch (RuntimeException e) {
            return new AppOutcome(app, since(start), Optional.of("Service failed: " + app + ": " + e.getMessage()),
                    stack.logTail(app, LOG_LINES));
        }
    }

    private LangfuseMigrations compare(Optional<RecordedMigrations> before, Optional<RecordedMigrations> after) {
        String image = "";
        try {
            image = stack.serviceImage(PlatformApps.LANGFUSE_WEB);
            if (before.isEmpty()) {
                return LangfuseMigrations.notChecked(image, "the restored stores' migrations could not be read "
                        + "(see the drill log)");
            }
            LangfuseImage parsed = LangfuseImage.parse(image);
            // A stand-in carries its release's pinned list; a real image is asked for its own.
            MigrationRelease shipped = parsed.standIn() ? PinnedMigrations.project().load(parsed.release())
                    : ImageMigrations.read(image);
            RecordedMigrations recorded = before.get();
            List<StoreMigrations> stores = List.of(
                    SchemaAheadCheck.clickhouse(recorded.clickhouse(), shipped, image),
                    SchemaAheadCheck.prisma(Optional.ofNullable(recorded.prisma().get(PlatformApps.LANGFUSE_DATABASE)),
                            PlatformApps.LANGFUSE_DATABASE, shipped, image));
            stores.forEach(store -> LOG.info("langfuse migrations, {}", store.summary()));
            return new LangfuseMigrations(image, shipped.source(), before, stores, after, Optional.of(shipped),
                    Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("the Langfuse migrations could not be compared: {}", e.getMessage());
            return LangfuseMigrations.notChecked(image, e.getMessage());
        }
    }

    /** The gateway's Prisma migrations: what the backup recorded against the image's list, and what its start did. */
    private GatewayMigrations compareGateway(Optional<RecordedMigrations> before, Optional<RecordedMigrations> after) {
        String image = "";
        try {
            image = stack.serviceImage(PlatformApps.LITELLM);
            if (before.isEmpty()) {
                return GatewayMigrations.notChecked(image, "the restored litellm database's migrations could not be "
                        + "read (see the drill log)");
            }
            String named = image;
            LiteLlmImage parsed = LiteLlmImage.parse(named).orElseThrow(() -> new IllegalArgumentException("Cannot "
                    + "tell the LiteLLM release of image '" + named + "': expected ghcr.io/berriai/litellm:<vX.Y.Z…> "
                    + "or the reference stand-in; pin the gateway's image by release."));
            MigrationRelease shipped = parsed.migrations();
            String database = PlatformApps.LITELLM_DATABASE;
            StoreMigrations pending = SchemaAheadCheck.prisma(Optional.ofNullable(before.get().prisma().get(database)),
                    database, shipped, image);
            LOG.info("litellm migrations, {}", pending.summary());
            Optional<AppliedMigrations> applied = after.map(a -> AppliedMigrations.prisma(database,
                    Optional.ofNullable(before.get().prisma().get(database)), Optional.ofNullable(a.prisma()
                            .get(database)), named));
            applied.ifPresent(a -> LOG.info("litellm migrations applied at start: {} ({})", a.applied().size(),
                    a.stateAfter()));
            return new GatewayMigrations(image, shipped.source(), Optional.of(pending), applied, Optional.empty());
        } catch (RuntimeException e) {
            LOG.warn("the LiteLLM migrations could not be compared: {}", e.getMessage());
            return GatewayMigrations.notChecked(image, e.getMessage());
        }
    }

    private static Optional<SchemaFingerprint> fingerprint(SchemaFingerprintReader reader, boolean mongodb,
                                                          String when) {
        try {
            return Optional.of(reader.read(true, true, mongodb));
        } catch (RuntimeException e) {
            LOG.warn("could not read the stores' schema {}: {}", when, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<RecordedMigrations> read(RecordedMigrationsReader reader, List<String> databases, String when) {
        try {
            return Optional.of(reader.read(databases));
        } catch (RuntimeException e) {
            LOG.warn("could not read the restored stores' migrations {}: {}", when, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean restored(ParallelRestore.Result restores, String store) {
        RestoreOutcome outcome = restores.outcomes().get(store);
        return outcome != null && outcome.restored();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
