package dev.restoredrill.generate;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for the generator's pools: a failed or interrupted generator must not be kept alive by them. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
