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
import java.util.function.BiConsumer;

/**
 * Bytes sent to each store while a night's load runs, told to the progress listener every {@code every}: the first
 * load of a big set runs for many minutes, and a generator that says nothing looks hung. It also watches for a store
 * that stops taking data: a load still running whose bytes have not moved for {@code stall} is reported, once, to
 * {@code onStall} (with how long it has been still), which stops the load; a server that never answers again would
 * otherwise hold a write blocked for ever.
 */
final class LoadMeter implements AutoCloseable {
    private final Map<String, AtomicLong> sent = new ConcurrentHashMap<>();
    /** The stores being watched (started, not yet finished or reported) and when each last took data. */
    private final Map<String, Instant> lastMoved = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("source-load-meter"));
    private final Instant started = Instant.now();

    LoadMeter(String phase, ProgressListener progress, Duration every) {
        this(phase, progress, every, null, (store, still) -> {
        });
    }

    LoadMeter(String phase, ProgressListener progress, Duration every, Duration stall, BiConsumer<String, Duration> onStall) {
        ticker.scheduleAtFixedRate(() -> progress.inProgress(phase + ": " + soFar(), total(), Duration.between(started, Instant.now())),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        if (stall != null) {
            long check = Math.max(1, stall.toMillis() / 10);
            ticker.scheduleAtFixedRate(() -> watch(stall, onStall), check, check, TimeUnit.MILLISECONDS);
        }
    }

    /** A store this night's load sends to; it is watched from now until {@link #finished}. */
    void started(String store) {
        lastMoved.put(store, Instant.now());
    }

    void add(String store, long bytes) {
        sent.computeIfAbsent(store, s -> new AtomicLong()).addAndGet(bytes);
        if (bytes > 0) {
            lastMoved.computeIfPresent(store, (s, before) -> Instant.now());
        }
    }

    /** The store's load has ended (done or failed): its stillness from now on is not a stall. */
    void finished(String store) {
        lastMoved.remove(store);
    }

    private void watch(Duration stall, BiConsumer<String, Duration> onStall) {
        Instant now = Instant.now();
        lastMoved.forEach((store, moved) -> {
            Duration still = Duration.between(moved, now);
            if (still.compareTo(stall) >= 0 && lastMoved.remove(store, moved)) { // reported once
                onStall.accept(store, still);
            }
        });
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
