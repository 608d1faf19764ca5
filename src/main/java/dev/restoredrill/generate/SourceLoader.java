package dev.restoredrill.generate;

import dev.restoredrill.concurrent.DaemonThreads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.BsonDocument;

/**
 * Fills the source stack with a {@link Dataset}: first the base data, then, day by day, the items of
 * the growing streams that arrived before a cutoff. Loading up to successive cutoffs leaves the
 * stores as they were at each of those instants, which is what that night's backups hold.
 */
public final class SourceLoader implements AutoCloseable {
    static final int POSTGRES_PORT = 5432;
    static final int MONGODB_PORT = 27017;
    static final int CLICKHOUSE_HTTP_PORT = 8123;
    static final int S3_PORT = 9000;
    private static final int TRACE_CHUNK = 1_000;
    /** Sessions per growing stream: two keep a server busy while the next rows are made (two cores here). */
    private static final int SESSIONS = 2;
    private static final int S3_PUTS = 8;
    private static final Duration METER_EVERY = Duration.ofSeconds(30);
    /** Longer than a healthy store is ever still here (a batch's reply, the end of a COPY, a full collection). */
    static final Duration SILENT_STORE = Duration.ofMinutes(10);

    private final SourceStack stack;
    private final Dataset dataset;
    private final ProgressListener progress;
    private final PostgresLoader postgres;
    private final MongoLoader mongo;
    private final ClickHouseLoader clickhouse;
    private final StoreContents.Tally tally = new StoreContents.Tally();
    private final ExecutorService workers = Executors.newFixedThreadPool(3, DaemonThreads.named("source-loader"));
    private final ExecutorService sessions = Executors.newFixedThreadPool(3 * SESSIONS, DaemonThreads.named("source-loader-session"));
    private long conversations;
    private long spendLogs;
    private long traces;
    private long media;
    private volatile String stall;

    public SourceLoader(SourceStack stack, Dataset dataset, ProgressListener progress) {
        this.stack = stack;
        this.dataset = dataset;
        this.progress = progress;
        this.postgres = new PostgresLoader(stack.endpoint(SourceStack.POSTGRES, POSTGRES_PORT),
                env(SourceStack.POSTGRES, "POSTGRES_USER", "postgres"), env(SourceStack.POSTGRES, "POSTGRES_PASSWORD", ""));
        this.mongo = new MongoLoader(stack.endpoint(SourceStack.MONGODB, MONGODB_PORT));
        this.clickhouse = new ClickHouseLoader(new ClickHouseHttp(() -> stack.endpoint(SourceStack.CLICKHOUSE, CLICKHOUSE_HTTP_PORT),
                env(SourceStack.CLICKHOUSE, "CLICKHOUSE_USER", "default"), env(SourceStack.CLICKHOUSE, "CLICKHOUSE_PASSWORD", "")));
    }

    private String env(String service, String variable, String fallback) {
        return Objects.requireNonNullElse(stack.env(service, variable), fallback);
    }

    private ObjectStoreLoader objectStore() {
        return new ObjectStoreLoader(stack.endpoint(SourceStack.MINIO, S3_PORT),
                env(SourceStack.MINIO, "MINIO_ROOT_USER", "minioadmin"), env(SourceStack.MINIO, "MINIO_ROOT_PASSWORD", "minioadmin"));
    }

    /** Schemas, indexes, the bucket, and everything that predates the growing streams. */
    public void loadBase() {
        Instant started = Instant.now();
        postgres.createDatabases();
        long bytes = 0;
        long rows = 0;
        LiteLlmData gateway = dataset.liteLlm();
        for (CopyTable table : LiteLlmData.BASE_TABLES) {
            bytes += postgres.copy(table, 0, gateway.baseRows(table), i -> gateway.baseRow(table, (int) i));
            tally.postgres(table, gateway.baseRows(table));
            rows += gateway.baseRows(table);
        }
        LangfuseData langfuse = dataset.langfuse();
        for (CopyTable table : LangfuseData.BASE_TABLES) {
            bytes += postgres.copy(table, 0, langfuse.baseRows(table), i -> langfuse.baseRow(table, (int) i));
            tally.postgres(table, langfuse.baseRows(table));
            rows += langfuse.baseRows(table);
        }
        tally.postgres(LiteLlmData.SPEND_LOGS, 0);
        progress.phaseDone("postgres: base rows", rows, bytes, since(started));

        started = Instant.now();
        mongo.createIndexes();
        LibreChatData chat = dataset.libreChat();
        MongoLoader.Batch users = mongo.batch("users");
        MongoLoader.Batch balances = mongo.batch("balances");
        MongoLoader.Batch agents = mongo.batch("agents");
        MongoLoader.Batch sessions = mongo.batch("sessions");
        for (int i = 0; i < chat.users(); i++) {
            users.add(chat.user(i));
            balances.add(chat.balance(i));
        }
        for (int i = 0; i < chat.agents(); i++) {
            agents.add(chat.agent(i));
        }
        for (int i = 0; i < chat.sessions(); i++) {
            sessions.add(chat.session(i));
        }
        progress.phaseDone("mongodb: base documents", finish(users, balances, agents, sessions), bytesOf(users, balances, agents, sessions), since(started));
        for (String empty : List.of("conversations", "messages", "transactions")) {
            tally.mongo(MongoLoader.DATABASE + "." + empty, 0);
        }

        started = Instant.now();
        List<String> migrations = langfuse.schemaMigrationRows();
        clickhouse.createTables(migrations);
        tally.clickhouse("schema_migrations", migrations.size());
        for (String table : List.of("traces", "observations", "scores")) {
            tally.clickhouse(table, 0);
        }
        try (ObjectStoreLoader store = objectStore()) {
            store.createBucket();
        }
        progress.phaseDone("clickhouse and s3: schema and bucket", migrations.size(), 0, since(started));
    }

    /**
     * Loads every growing stream's items that arrived before {@code cutoff}; returns what the stores
     * now hold. The three stores load at once: each server works while the others' rows are generated.
     */
    public StoreContents loadUntil(Instant cutoff) {
        try (LoadMeter meter = new LoadMeter("loading up to " + cutoff, progress, METER_EVERY, SILENT_STORE, this::stopStalled)) {
            Slices.awaitAll(List.<Future<?>>of(
                    workers.submit(() -> watched(meter, List.of("mongodb"), () -> loadConversations(cutoff, meter))),
                    workers.submit(() -> watched(meter, List.of("postgres"), () -> loadSpendLogs(cutoff, meter))),
                    workers.submit(() -> watched(meter, List.of("clickhouse", "s3"), () -> loadTraces(cutoff, meter)))));
        } catch (RuntimeException e) {
            String stalled = stall;
            throw stalled == null ? e : new GenerateException(stalled, e);
        }
        return tally.snapshot();
    }

    private static void watched(LoadMeter meter, List<String> stores, Runnable load) {
        stores.forEach(meter::started);
        try {
            load.run();
        } finally {
            stores.forEach(meter::finished);
        }
    }

    /**
     * A store took nothing for {@link #SILENT_STORE}: its server hangs. Closing the Postgres, MongoDB and ClickHouse
     * clients ends their blocked writes (a write blocked on a full socket knows no timeout); S3's requests end by their
     * HTTP client's write and read timeouts.
     */
    private void stopStalled(String store, Duration still) {
        stall = "The source " + store + " took no data for " + still.toMinutes() + " minutes while the generator was loading it, "
                + "so the generator stopped. Its service's log (docker logs) says why: a process killed for lack of memory, "
                + "a full disk. Free memory or disk and generate again.";
        progress.inProgress(stall, 0, still);
        postgres.abort();
        mongo.close();
        clickhouse.abort();
    }

    private void loadConversations(Instant cutoff, LoadMeter meter) {
        LibreChatData chat = dataset.libreChat();
        long conversationsTo = dataset.timeline().countBefore(Seeds.Stream.CONVERSATION, chat.conversations(), cutoff);
        Instant started = Instant.now();
        List<MongoLoader.Batch[]> slices = Slices.load(sessions, conversations, conversationsTo, SESSIONS, (session, from, to) -> {
            MongoLoader.Batch[] batches = {mongo.batch("conversations"), mongo.batch("messages"), mongo.batch("transactions")};
            for (long i = from; i < to; i++) {
                ConversationThread thread = chat.thread(i);
                long bytes = batches[0].add(thread.conversation());
                for (BsonDocument message : thread.messages()) {
                    bytes += batches[1].add(message);
                }
                for (BsonDocument transaction : thread.transactions()) {
                    bytes += batches[2].add(transaction);
                }
                meter.add("mongodb", bytes);
            }
            for (MongoLoader.Batch b : batches) {
                b.flush();
            }
            return batches;
        });
        conversations = conversationsTo;
        MongoLoader.Batch[] all = slices.stream().flatMap(Arrays::stream).toArray(MongoLoader.Batch[]::new);
        progress.phaseDone("mongodb: conversations up to " + cutoff, finish(all), bytesOf(all), since(started));
    }

    private void loadSpendLogs(Instant cutoff, LoadMeter meter) {
        LiteLlmData gateway = dataset.liteLlm();
        long spendTo = dataset.timeline().countBefore(Seeds.Stream.SPEND_LOG, gateway.spendLogs(), cutoff);
        Instant started = Instant.now();
        long bytes = Slices.load(sessions, spendLogs, spendTo, SESSIONS,
                (session, from, to) -> postgres.copy(session, LiteLlmData.SPEND_LOGS, from, to, i -> {
                    String row = gateway.spendLog(i);
                    meter.add("postgres", row.length());
                    return row;
                }))
                .stream().mapToLong(Long::longValue).sum();
        tally.postgres(LiteLlmData.SPEND_LOGS, spendTo - spendLogs);
        progress.phaseDone("postgres: spend logs up to " + cutoff, spendTo - spendLogs, bytes, since(started));
        spendLogs = spendTo;
    }

    private void loadTraces(Instant cutoff, LoadMeter meter) {
        Timeline timeline = dataset.timeline();
        LangfuseData langfuse = dataset.langfuse();
        try (ObjectStoreLoader store = objectStore(); ParallelUploads objects = new ParallelUploads(store, S3_PUTS)) {
            loadTracesAndMedia(cutoff, timeline, langfuse, objects, meter);
        }
    }

    private void loadTracesAndMedia(Instant cutoff, Timeline timeline, LangfuseData langfuse, ParallelUploads objects, LoadMeter meter) {
        long tracesTo = timeline.countBefore(Seeds.Stream.TRACE, langfuse.traces(), cutoff);
        Instant started = Instant.now();
        List<TracesSent> slices = Slices.load(sessions, traces, tracesTo, SESSIONS, (session, from, to) -> loadTraceSlice(langfuse, from, to, objects, meter));
        traces = tracesTo;
        long rows = slices.stream().mapToLong(TracesSent::rows).sum();
        long chBytes = slices.stream().mapToLong(TracesSent::rowBytes).sum();
        long s3Objects = slices.stream().mapToLong(TracesSent::events).sum();
        long s3Bytes = slices.stream().mapToLong(TracesSent::eventBytes).sum();
        progress.phaseDone("clickhouse: traces up to " + cutoff, rows, chBytes, since(started));
        meter.finished("clickhouse");

        long mediaTo = timeline.countBefore(Seeds.Stream.MEDIA, langfuse.mediaObjects(), cutoff);
        for (long i = media; i < mediaTo; i++) {
            MediaObject m = langfuse.media(i);
            objects.put(m.key(), m.contentType(), m.bytes());
            tally.object(m.bytes().length);
            meter.add("s3", m.bytes().length);
            s3Bytes += m.bytes().length;
            s3Objects++;
        }
        objects.await();
        media = mediaTo;
        progress.phaseDone("s3: events and media up to " + cutoff, s3Objects, s3Bytes, since(started));
    }

    /** What one slice of traces sent: ClickHouse rows and their bytes, S3 event objects and theirs. */
    private record TracesSent(long rows, long rowBytes, long events, long eventBytes) {
    }

    /** Traces {@code [from, to)} into ClickHouse a chunk at a time, their events into S3. */
    private TracesSent loadTraceSlice(LangfuseData langfuse, long from, long to, ParallelUploads objects, LoadMeter meter) {
        long rows = 0;
        long rowBytes = 0;
        long events = 0;
        long eventBytes = 0;
        for (long first = from; first < to; first += TRACE_CHUNK) {
            long end = Math.min(to, first + TRACE_CHUNK);
            List<TraceBundle> chunk = new ArrayList<>((int) (end - first));
            for (long i = first; i < end; i++) {
                chunk.add(langfuse.trace(i));
            }
            ClickHouseLoader.Loaded loaded = clickhouse.load(chunk);
            tally.clickhouse("traces", loaded.traces());
            tally.clickhouse("observations", loaded.observations());
            tally.clickhouse("scores", loaded.scores());
            rows += loaded.traces() + loaded.observations() + loaded.scores();
            rowBytes += loaded.bytes();
            meter.add("clickhouse", loaded.bytes());
            for (TraceBundle t : chunk) {
                byte[] event = t.eventJson().getBytes(StandardCharsets.UTF_8);
                objects.put(t.eventKey(), "application/json", event);
                tally.object(event.length);
                meter.add("s3", event.length);
                events++;
                eventBytes += event.length;
            }
        }
        return new TracesSent(rows, rowBytes, events, eventBytes);
    }

    private long finish(MongoLoader.Batch... batches) {
        long documents = 0;
        for (MongoLoader.Batch b : batches) {
            b.flush();
            tally.mongo(b.namespace(), b.documents());
            documents += b.documents();
        }
        return documents;
    }

    private static long bytesOf(MongoLoader.Batch... batches) {
        long bytes = 0;
        for (MongoLoader.Batch b : batches) {
            bytes += b.bytes();
        }
        return bytes;
    }

    private static Duration since(Instant started) {
        return Duration.between(started, Instant.now());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        sessions.shutdownNow();
        postgres.close();
        mongo.close();
    }
}
