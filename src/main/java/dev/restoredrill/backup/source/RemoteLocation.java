package dev.restoredrill.backup.source;

import dev.restoredrill.backup.BackupLocation;
import dev.restoredrill.backup.BackupUnreadableException;
import dev.restoredrill.backup.FetchRecord;
import dev.restoredrill.backup.ListedFile;
import dev.restoredrill.backup.SourceRecord;
import dev.restoredrill.backup.SourceUnavailableException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An off-host copy as the catalog sees it: listed once, then each chosen file fetched once into the cache,
 * which the catalog then scans like a local file. Cache-then-catalog keeps one scanner for every source (the
 * catalog's checks, the restores and the after-drill re-hash all read a plain local file) at the cost of disk
 * space for the chosen files only; restoring straight from the stream would need the source to be read again
 * for every later pass, and a cut stream would have started a restore from a partial file.
 */
public final class RemoteLocation implements BackupLocation, AutoCloseable {
    private final SourceUri uri;
    private final RemoteStore store;
    private final BackupCache cache;
    private final Map<String, RemoteFile> listing = new LinkedHashMap<>();
    private final List<FetchRecord> fetches = new ArrayList<>();
    private String fault;

    RemoteLocation(SourceUri uri, RemoteStore store, BackupCache cache) {
        this.uri = uri;
        this.store = store;
        this.cache = cache;
    }

    @Override
    public String describe() {
        String snapshot = store.snapshotId() == null ? "" : " snapshot " + shortId(store.snapshotId()) + " ("
                + store.snapshotTime() + ")";
        return uri.masked() + snapshot;
    }

    @Override
    public synchronized List<ListedFile> list() {
        try {
            listing.clear();
            store.list().forEach(f -> listing.put(f.name(), f));
            return listing.values().stream().map(RemoteFile::listed).toList();
        } catch (SourceUnavailableException e) {
            fault = e.getMessage();
            throw e;
        }
    }

    @Override
    public synchronized Path localCopy(String storeName, ListedFile file) throws BackupUnreadableException {
        RemoteFile remote = listing.get(file.name());
        if (remote == null) {
            throw new BackupUnreadableException(file.name() + " is not in the listing of " + describe());
        }
        try {
            BackupCache.Fetched fetched = cache.fetch(storeName, remote, store::open);
            String extra = store.fetchedIdentity(remote);
            FetchRecord r = fetched.record();
            fetches.add(extra == null ? r : new FetchRecord(r.store(), r.fileName(), r.key(),
                    r.identity() + "," + extra, r.sizeBytes(), r.sha256(), r.bytesFetched(), r.took(),
                    r.fromCache(), null));
            return fetched.file();
        } catch (BackupUnreadableException e) {
            fetches.add(new FetchRecord(storeName, remote.name(), remote.key(), remote.identity(),
                    remote.sizeBytes(), null, 0, Duration.ZERO, false, e.getMessage()));
            throw e;
        }
    }

    @Override
    public Path localDirectory() {
        return cache.dir();
    }

    @Override
    public synchronized SourceRecord record() {
        long bytes = fetches.stream().mapToLong(FetchRecord::bytesFetched).sum();
        return new SourceRecord(store.kind(), uri.masked(), store.bucket(), store.prefix(), store.snapshotId(),
                store.snapshotTime(), cache.dir().toString(), List.copyOf(fetches), bytes, fault);
    }

    @Override
    public String noMatchAdvice(String storeName) {
        return store.noMatchAdvice(storeName);
    }

    @Override
    public void close() {
        store.close();
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
