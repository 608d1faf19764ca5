package dev.restoredrill.restore;

/** What every restore engine has: the store it restores, the compose service holding it, and its own log. */
abstract class ServiceRestore implements RestoreEngine {

    protected final String store;
    protected final String service;
    /** The engine's output (psql's, tar's, its own notes), bounded: only the tail goes into the evidence. */
    protected final LogTail log = new LogTail(16 * 1024);

    ServiceRestore(String store, String service) {
        this.store = store;
        this.service = service;
    }

    @Override
    public final String store() {
        return store;
    }

    @Override
    public final String service() {
        return service;
    }

    @Override
    public final String logTail() {
        return log.toString();
    }
}
