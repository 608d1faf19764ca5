package dev.restoredrill.restore;

import dev.restoredrill.outcome.FailureCategory;
import dev.restoredrill.stack.ServiceStack;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The runbook's own MongoDB restore, {@code mongorestore --archive --gzip --drop < mongo_DATE.gz}, run inside the
 * mongodb service container: for images that have mongorestore (the official mongo image does; the reference
 * stand-in does not). Chosen with {@code -Ddrill.mongo.engine=mongorestore}.
 */
public final class MongorestoreCommand extends ServiceRestore {

    private final Path archive;
    private final Duration timeout;

    public MongorestoreCommand(String store, String service, Path archive, Duration timeout) {
        super(store, service);
        this.archive = archive;
        this.timeout = timeout;
    }

    @Override
    public List<String> load(ServiceStack stack) throws Exception {
        int found = stack.exec(service, List.of("sh", "-c", "command -v mongorestore"), null,
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), Duration.ofSeconds(30));
        if (found != 0) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "the " + service + " image has no mongorestore; "
                    + "use the driver engine (-Ddrill.mongo.engine=driver, the default) or an image that has it");
        }
        int exit;
        try (InputStream in = new RestoreProgress(new BufferedInputStream(Files.newInputStream(archive), 1 << 16),
                "mongorestore")) {
            // --drop as the runbook has it: the drill's target is a new volume, so nothing else is dropped.
            exit = stack.exec(service, List.of("mongorestore", "--archive", "--gzip", "--drop"), in, log, log,
                    timeout);
        }
        if (exit != 0) {
            throw new RestoreFailedException(FailureCategory.RESTORE_FAILURE, "mongorestore exited " + exit + " on "
                    + archive.getFileName() + "; its log is attached.");
        }
        return List.of("restored " + archive.getFileName() + " with the image's mongorestore --archive --gzip --drop");
    }
}
