package dev.restoredrill.backup;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What a backup holds, as read from its content; {@code kind} in JSON says which format. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PgDumpFacts.class, name = "pg_dumpall"),
    @JsonSubTypes.Type(value = MongoArchiveFacts.class, name = "mongo_archive"),
    @JsonSubTypes.Type(value = TarFacts.class, name = "volume_tar")
})
public sealed interface FormatFacts permits PgDumpFacts, MongoArchiveFacts, TarFacts {

    /** What makes this backup unfit to restore (each a FAIL); empty when it is whole. */
    List<String> defects();

    /** What deserves a look but does not fail the drill. */
    List<String> warnings();

    /** A few words for the one-line table, e.g. "3 dbs, 41 tables, 1,204 rows". */
    String summary();
}
