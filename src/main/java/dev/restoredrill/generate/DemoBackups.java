package dev.restoredrill.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates a demo backup set, laid out like the runbook's {@code /backups}, from a seed:
 * <pre>
 * java -cp ... dev.restoredrill.generate.DemoBackups --out DIR --seed 1 --size 20MB --days 30 [--as-of 2026-05-25] [--mix ...]
 * </pre>
 * Starts a source stack on the local reference images, fills it night by night, takes the runbook's
 * backups, and removes the stack. The drill credentials come from DRILL_USER_EMAIL,
 * DRILL_USER_PASSWORD, DRILL_GATEWAY_KEY (and DRILL_LANGFUSE_*) or are generated; either way they
 * are written to {@code DIR/drill-credentials.env} (mode 0600) and never logged.
 */
public final class DemoBackups {
    private DemoBackups() {
    }

    public static void main(String[] args) {
        // The Mongo driver logs every connection at INFO; progress lines are what matters here.
        System.setProperty("org.slf4j.simpleLogger.log.org.mongodb.driver", "warn");
        Logger log = LoggerFactory.getLogger(DemoBackups.class);
        DemoBackupsOptions options;
        try {
            options = DemoBackupsOptions.parse(List.of(args));
        } catch (GenerateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        Dataset dataset = new Dataset(new DatasetSpec(options.seed(), options.asOf(), options.sizeBytes(), options.mix()),
                DrillSecrets.fromEnvironment(System.getenv())).hashAhead();
        log.info("Generating {} of data as of {} (seed {}), {} nights of backups, into {}", ByteSize.format(options.sizeBytes()),
                options.asOf(), options.seed(), options.days(), options.out().toAbsolutePath());
        BackupSet set;
        try (ReferenceSourceStack stack = ReferenceSourceStack.start("generator")) {
            set = new BackupSetGenerator(stack, new LoggingProgress())
                    .generate(dataset, BackupSchedule.of(options.asOf(), options.days()), options.out());
        }
        log.info("Done in {} s: {} files, {} in total; drill credentials in {}", Duration.between(started, Instant.now()).toSeconds(),
                set.files().size(), ByteSize.format(set.totalBytes()), set.credentialsFile());
    }
}
