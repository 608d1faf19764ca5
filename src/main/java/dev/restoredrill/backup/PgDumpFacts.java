package dev.restoredrill.backup;

import java.util.List;

/**
 * What a pg_dumpall file holds.
 *
 * @param serverVersion    "Dumped from database version ..." of the first database, or null
 * @param lines            lines read
 * @param restrictMarkers  restrict and unrestrict meta-command lines seen (their keys are never recorded)
 * @param clusterFooter    the {@code -- PostgreSQL database cluster dump complete} line was found
 * @param databases        the databases in dump order, each with its tables' COPY row counts
 * @param totalRows        COPY rows over all tables
 * @param uncompressedBytes bytes of SQL text
 * @param hostile          the dump holds what a pg_dumpall never holds and psql would act on (a meta-command
 *                         other than connect/restrict/unrestrict, COPY … TO or PROGRAM): the restore must refuse
 * @param hostileLines     the first such lines (at most {@link PgDumpReader#MAX_HOSTILE_LISTED})
 * @param hostileLineCount all of them
 */
public record PgDumpFacts(String serverVersion, long lines, int restrictMarkers, boolean clusterFooter,
        List<Database> databases, long totalRows, long uncompressedBytes, boolean hostile,
        List<HostileLine> hostileLines, long hostileLineCount, List<String> defects,
        List<String> warnings) implements FormatFacts {

    /**
     * A line psql would act on beyond running SQL. No text of the dump is kept (it may hold secrets).
     *
     * @param line     1-based line number in the uncompressed dump
     * @param database the database section it is in, or null before the first
     * @param what     what it is and what psql would do with it
     */
    public record HostileLine(long line, String database, String what) {
        public String describe() {
            return "line " + line + (database == null ? "" : " (database \"" + database + "\")") + ": " + what;
        }
    }

    /**
     * @param name      from {@code -- Database "NAME" dump}
     * @param connect   the argument of the section's first {@code \connect} line, or null
     * @param startLine line of the section's header
     * @param complete  the section's {@code -- PostgreSQL database dump complete} footer was found
     */
    public record Database(String name, String connect, long startLine, boolean complete, List<Table> tables) {}

    /**
     * @param schema    unquoted schema name (null when the COPY names none)
     * @param table     unquoted table name, e.g. LiteLLM_SpendLogs for {@code public."LiteLLM_SpendLogs"}
     * @param rows      rows of its COPY block
     * @param dataBytes bytes of those rows
     * @param copyLine  line of the COPY statement
     */
    public record Table(String schema, String table, long rows, long dataBytes, long copyLine) {}

    @Override
    public String summary() {
        long tables = databases.stream().mapToLong(d -> d.tables().size()).sum();
        return databases.size() + " dbs, " + Sizes.compactCount(tables) + " tables, " + Sizes.compactCount(totalRows)
                + " rows";
    }
}
