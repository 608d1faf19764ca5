package dev.restoredrill.generate;

import dev.restoredrill.concurrent.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes sent to each store while a night's load runs, told to the progress listener every {@code every}: the first
 * load of a big set runs for many minutes, and a generator that says nothing looks hung.
 */
final class LoadMeter implements AutoCloseable {
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("source-load-meter"));
    private final Instant started = Instant.now();

    LoadMeter(String phase, ProgressListener progress, Duration every) {
        ticker.scheduleAtFixedRate(() -> progress.inProgress(phase + ": " + soFar(), total(), Duration.between(started, Instant.now())),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void add(String store, long bytes) {
        sent.computeIfAbsent(store, s -> new AtomicLong()).addAndGet(bytes);
    }

    private String soFar() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(sent).forEach((store, bytes) -> text.append(text.length() == 0 ? "" : ", ").append(store).append(' ')
                .append(ByteSize.format(bytes.get())));
        return text.toString();
    }

    private long total() {
        return sent.values().stream().mapToLong(AtomicLong::get).sum();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
