package dev.restoredrill.backup.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.restoredrill.backup.SourceUnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A restic repository: the newest snapshot (or {@code -Ddrill.snapshot=ID}), its regular files by name, each
 * streamed with {@code restic dump}. A file's identity is the snapshot id and its path: snapshots are
 * content-addressed, so that pair always means the same bytes. Reads with {@code --no-lock}; an exclusive lock
 * (a prune or check running, or left behind) is reported instead of read around, since pruning can remove data
 * while it is read.
 */
final class ResticStore implements RemoteStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceUri uri;
    private final ResticCommand restic;
    private final Optional<String> wantedSnapshot;
    private String snapshotId;
    private Instant snapshotTime;

    ResticStore(SourceUri uri, SourceSettings settings) {
        this.uri = uri;
        this.restic = new ResticCommand(settings.resticProgram(), uri.repository(), settings.environment());
        this.wantedSnapshot = settings.snapshot();
    }

    @Override
    public List<RemoteFile> list() {
        refuseExclusiveLocks();
        JsonNode snapshot = snapshot();
        snapshotId = snapshot.path("id").asText();
        snapshotTime = Instant.parse(snapshot.path("time").asText());
        Map<String, RemoteFile> files = new LinkedHashMap<>();
        for (String line : call("ls", "--json", snapshotId).split("\n")) {
            JsonNode node = parse(line);
            if (!"node".equals(node.path("struct_type").asText()) || !"file".equals(node.path("type").asText())) {
                continue;
            }
            String name = node.path("name").asText();
            String path = node.path("path").asText();
            RemoteFile file = new RemoteFile(name, path, node.path("size").asLong(),
                    node.hasNonNull("mtime") ? Instant.parse(node.path("mtime").asText()) : null,
                    "snapshot=" + snapshotId + ",path=" + path, null);
            RemoteFile twin = files.putIfAbsent(name, file);
            if (twin != null) {
                throw new SourceUnavailableException("snapshot " + shortId() + " of " + uri.masked() + " holds two"
                        + " files named " + name + " (" + twin.key() + ", " + path + "): the drill cannot tell which"
                        + " is the backup; back up only the backups directory (restic backup /backups).");
            }
        }
        return List.copyOf(files.values());
    }

    private void refuseExclusiveLocks() {
        for (String lockId : call("list", "locks").split("\n")) {
            if (lockId.isBlank()) {
                continue;
            }
            JsonNode lock = parse(call("cat", "lock", lockId.strip()));
            if (lock.path("exclusive").asBoolean()) {
                throw new SourceUnavailableException("the restic repository " + uri.masked() + " is locked"
                        + " exclusively by PID " + lock.path("pid").asText() + " on " + lock.path("hostname").asText()
                        + " since " + lock.path("time").asText() + " (a prune, check or forget runs, or died"
                        + " and left its lock): wait for it to finish and run the drill again; if no restic runs"
                        + " there any more, remove the stale lock with `restic -r " + uri.masked() + " unlock`."
                        + " The drill itself never takes or removes locks.");
            }
        }
    }

    private JsonNode snapshot() {
        JsonNode all = parse(call("snapshots", "--json"));
        List<JsonNode> snapshots = new ArrayList<>();
        all.forEach(snapshots::add);
        if (snapshots.isEmpty()) {
            throw new SourceUnavailableException("the restic repository " + uri.masked() + " has no snapshots:"
                    + " has `restic backup /backups` ever run against it (and with this repository)?");
        }
        snapshots.sort(Comparator.comparing((JsonNode s) -> Instant.parse(s.path("time").asText())).reversed());
        if (wantedSnapshot.isEmpty()) {
            return snapshots.get(0);
        }
        String wanted = wantedSnapshot.get();
        return snapshots.stream().filter(s -> s.path("id").asText().startsWith(wanted)).findFirst()
                .orElseThrow(() -> new SourceUnavailableException("-Ddrill.snapshot=" + wanted + " is not a"
                        + " snapshot of " + uri.masked() + "; the newest are " + snapshots.stream().limit(5)
                        .map(s -> s.path("short_id").asText() + " (" + s.path("time").asText() + ")").toList()
                        + ". Leave it out for the newest, or pick one of `restic snapshots`."));
    }

    private String call(String... args) {
        ResticCommand.Result result;
        try {
            result = restic.run(args);
        } catch (IOException e) {
            throw new SourceUnavailableException(e.getMessage() + " (source " + uri.masked() + ")", e);
        }
        if (result.exitCode() != 0) {
            throw new SourceUnavailableException(failure(result));
        }
        return result.stdout();
    }

    private String failure(ResticCommand.Result result) {
        String err = result.stderr();
        String said = "restic said: " + ResticCommand.lastLines(err);
        if (err.contains("wrong password")) {
            return "restic cannot open " + uri.masked() + ": wrong password or no key found. Give the repository's"
                    + " password as restic reads it (RESTIC_PASSWORD or RESTIC_PASSWORD_FILE) to the drill.";
        }
        if (err.contains("Resolving password failed") || err.contains("no password")
                || err.contains("empty password")) {
            return "no password for the restic repository " + uri.masked() + ": set RESTIC_PASSWORD or"
                    + " RESTIC_PASSWORD_FILE for the drill, as for restic itself (" + said + ").";
        }
        if (err.contains("unable to open config file") || err.contains("Is there a repository")) {
            return "there is no restic repository at " + uri.masked() + " (or it cannot be reached): check the"
                    + " repository in -Ddrill.backups=restic:<repository> as `restic -r` takes it (" + said + ").";
        }
        return "restic could not read " + uri.masked() + " (exit " + result.exitCode() + "): " + said
                + ". Check the repository, its password and the connection to it.";
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new SourceUnavailableException("restic printed something that is not JSON (" + e.getMessage()
                    + "): is the restic on PATH a version with --json (0.9 or later)?", e);
        }
    }

    @Override
    public InputStream open(RemoteFile file) throws IOException {
        return restic.stream("dump", snapshotId, file.key());
    }

    @Override
    public String kind() {
        return "restic";
    }

    @Override
    public String bucket() {
        return null;
    }

    @Override
    public String prefix() {
        return null;
    }

    @Override
    public String snapshotId() {
        return snapshotId;
    }

    @Override
    public Instant snapshotTime() {
        return snapshotTime;
    }

    private String shortId() {
        return RemoteLocation.shortId(snapshotId);
    }

    @Override
    public String noMatchAdvice(String store) {
        return "The " + (wantedSnapshot.isPresent() ? "chosen" : "newest") + " snapshot " + shortId() + " ("
                + snapshotTime + ") holds no such file: did the " + store + " backup job run before `restic"
                + " backup /backups`? An older snapshot can be drilled with -Ddrill.snapshot=ID (`restic"
                + " snapshots` lists them).";
    }

    @Override
    public void close() {
        // nothing held between calls
    }
}
