package dev.restoredrill.backup;

import java.io.IOException;
import java.io.InputStream;

/** Reads the decompressed content of one backup, in one streaming pass, into its format's facts. */
interface FormatReader {

    /**
     * Reads until the content ends. A defect the reader can describe (a dump without its footer, a hostile
     * tar entry) goes into the facts; content it cannot make sense of is thrown.
     */
    FormatFacts read(InputStream uncompressed) throws IOException;

    /** Where reading is now (line, database, table, entry), to say where a broken file stopped. */
    String position();

    static FormatReader forFormat(BackupFormat format, long compressedBytes, long pgDumpWarnBytes) {
        return switch (format) {
            case PG_DUMPALL_GZ -> new PgDumpReader(compressedBytes, pgDumpWarnBytes);
            case MONGO_ARCHIVE_GZ -> new MongoArchiveFactsReader();
            case VOLUME_TAR_GZ -> new VolumeTarReader();
        };
    }
}
