package dev.restoredrill.mongoarchive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a full, verified pass over an archive found.
 *
 * @param documentCounts documents per namespace, in the order namespaces first appear in the data
 *                       blocks; namespaces that end empty count 0
 * @param bytesRead      bytes of the (un-gzipped) archive consumed
 */
public record ArchiveSummary(ArchiveHeader header, List<CollectionMetadata> collections,
                             Map<Namespace, Long> documentCounts, long bytesRead) {

    public ArchiveSummary {
        collections = List.copyOf(collections);
        documentCounts = Collections.unmodifiableMap(new LinkedHashMap<>(documentCounts));
    }

    /** Documents the archive holds for {@code ns}; 0 when it has none or never names it. */
    public long documents(Namespace ns) {
        return documentCounts.getOrDefault(ns, 0L);
    }

    public long totalDocuments() {
        return documentCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
