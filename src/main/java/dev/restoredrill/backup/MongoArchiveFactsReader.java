package dev.restoredrill.backup;

import dev.restoredrill.mongoarchive.ArchiveSummary;
import dev.restoredrill.mongoarchive.ArchiveVisitor;
import dev.restoredrill.mongoarchive.CollectionMetadata;
import dev.restoredrill.mongoarchive.IndexSpec;
import dev.restoredrill.mongoarchive.MongoArchiveException;
import dev.restoredrill.mongoarchive.MongoArchiveReader;
import dev.restoredrill.mongoarchive.Namespace;
import org.bson.RawBsonDocument;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a mongodump archive through {@link MongoArchiveReader} (CRC-checked) into {@link MongoArchiveFacts}. The
 * documents themselves are only looked at in collections with TTL indexes, to tally when they expire
 * ({@link TtlTally}).
 */
final class MongoArchiveFactsReader implements FormatReader {
    private final Clock clock;

    MongoArchiveFactsReader() {
        this(Clock.systemUTC());
    }

    MongoArchiveFactsReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public FormatFacts read(InputStream uncompressed) throws IOException {
        ArchiveSummary summary;
        Map<Namespace, TtlTally> ttl = new HashMap<>();
        Instant scannedAt = clock.instant();
        ArchiveVisitor tallyTtl = new ArchiveVisitor() {
            @Override
            public void collection(CollectionMetadata m) {
                if (CollectionMetadata.COLLECTION.equals(m.type())) {
                    TtlTally.of(m, scannedAt).ifPresent(tally -> ttl.put(m.ns(), tally));
                }
            }

            @Override
            public void document(Namespace ns, RawBsonDocument doc) {
                TtlTally tally = ttl.get(ns);
                if (tally != null) {
                    tally.add(doc);
                }
            }
        };
        try {
            summary = MongoArchiveReader.read(new BufferedInputStream(uncompressed, 1 << 16), tallyTtl);
        } catch (MongoArchiveException e) {
            throw new BackupDefectException("the mongodump archive is damaged: " + e.getMessage(), e);
        }
        Map<Namespace, MongoArchiveFacts.Collection> byNamespace = new LinkedHashMap<>();
        for (CollectionMetadata meta : summary.collections()) {
            List<String> indexes = meta.indexes() == null ? List.of()
                    : meta.indexes().stream().map(IndexSpec::name).toList();
            TtlTally tally = ttl.get(meta.ns());
            byNamespace.put(meta.ns(), new MongoArchiveFacts.Collection(meta.ns().db(), meta.ns().collection(),
                    meta.type(), indexes, summary.documentCounts().getOrDefault(meta.ns(), 0L),
                    tally == null ? null : tally.facts()));
        }
        // Namespaces with documents but no metadata (e.g. the oplog of --oplog dumps) are listed too.
        summary.documentCounts().forEach((ns, count) -> byNamespace.computeIfAbsent(ns,
                n -> new MongoArchiveFacts.Collection(n.db(), n.collection(), null, List.of(), count)));
        List<MongoArchiveFacts.Collection> collections = new ArrayList<>(byNamespace.values());
        collections.sort(Comparator.comparing(MongoArchiveFacts.Collection::db)
                .thenComparing(MongoArchiveFacts.Collection::collection));
        long total = collections.stream().mapToLong(MongoArchiveFacts.Collection::documents).sum();
        List<String> warnings = collections.isEmpty()
                ? List.of("the archive holds no collections at all: was mongodump pointed at the right server?")
                : List.of();
        return new MongoArchiveFacts(summary.header().serverVersion(), summary.header().toolVersion(),
                summary.header().formatVersion(), List.copyOf(collections), total, summary.bytesRead(), List.of(),
                warnings);
    }

    @Override
    public String position() {
        return "the mongodump archive";
    }
}
