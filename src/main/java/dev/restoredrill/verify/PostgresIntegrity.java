package dev.restoredrill.verify;

import dev.restoredrill.outcome.SecretMasker;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine-native integrity of a restored Postgres cluster, in every database that accepts connections (the
 * templates excepted):
 * <ul>
 * <li>{@link #amcheck()}: {@code CREATE EXTENSION IF NOT EXISTS amcheck} (part of Debian's postgresql-15 and of
 * the official image), then {@code bt_index_check(index, heapallindexed => true)} on every valid B-tree
 * index, system catalogs and TOAST included: the index's structure, and that every heap tuple has its index
 * entry (pgbackrest_auto's check after a restore);</li>
 * <li>{@link #readAllRows()}: {@code COPY table TO STDOUT} of every user table into a counting sink, so every
 * page is read and every value, TOASTed or compressed, is detoasted and output.</li>
 * </ul>
 * Both write nothing but the extension; the restored cluster is a throw-away one.
 */
public final class PostgresIntegrity {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresIntegrity.class);
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final String AMCHECK = "amcheck (bt_index_check with heapallindexed on every B-tree index)";
    static final String FULL_READ = "full read (COPY every table TO STDOUT)";

    private static final String DATABASES = "SELECT datname FROM pg_database"
            + " WHERE datallowconn AND NOT datistemplate ORDER BY datname";
    /** Every B-tree index; temporary ones (another session's) and invalid or unready ones are listed, not checked. */
    private static final String BTREE_INDEXES = "SELECT i.indexrelid::oid, format('%I.%I', n.nspname, c.relname),"
            + " format('%I.%I', tn.nspname, t.relname), i.indisvalid AND i.indisready, c.relpersistence = 't'"
            + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = i.indrelid"
            + " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
            + " WHERE am.amname = 'btree' AND c.relkind = 'i'" // a partitioned index ('I') has no storage
            + " ORDER BY n.nspname <> 'pg_catalog', 2";
    private static final String USER_TABLES = "SELECT format('%I.%I', n.nspname, c.relname), c.relkind"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'm') AND c.relpersistence <> 't' AND (c.relkind <> 'm' OR c.relispopulated)"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " ORDER BY 1";

    private final StoreConnections.Postgres postgres;
    private final List<String> secrets;
    /** The databases to probe; empty: every one. */
    private final List<String> only;

    public PostgresIntegrity(StoreConnections.Postgres postgres, List<String> secrets) {
        this(postgres, secrets, List.of());
    }

    private PostgresIntegrity(StoreConnections.Postgres postgres, List<String> secrets, List<String> only) {
        this.postgres = postgres;
        this.secrets = secrets;
        this.only = List.copyOf(only);
    }

    /** The same probes on these databases only (a name the cluster does not have is a failure); empty: all. */
    public PostgresIntegrity onlyDatabases(List<String> databases) {
        return new PostgresIntegrity(postgres, secrets, databases);
    }

    public IntegrityResult amcheck() {
        IntegrityFindings findings = new IntegrityFindings("postgres", AMCHECK)
                .counts("databases", "B-tree indexes checked", "indexes skipped");
        try {
            for (String database : databases(findings)) {
                findings.add("databases", 1);
                try (Connection connection = connect(database)) {
                    if (!installAmcheck(connection, database, findings)) {
                        continue;
                    }
                    checkIndexes(connection, database, findings);
                }
            }
        } catch (SQLException e) {
            findings.error(explain(e, "amcheck"));
        }
        return findings.result();
    }

    public IntegrityResult readAllRows() {
        IntegrityFindings findings = new IntegrityFindings("postgres", FULL_READ)
                .counts("databases", "tables read", "rows read", "bytes read");
        try {
            for (String database : databases(findings)) {
                findings.add("databases", 1);
                try (Connection connection = connect(database)) {
                    readTables(connection, database, findings);
                }
            }
        } catch (SQLException e) {
            findings.error(explain(e, "the full read"));
        }
        return findings.result();
    }

    private List<String> databases(IntegrityFindings findings) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(DATABASES)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return IntegrityFindings.chosen(names, only, findings, "the restored cluster");
    }

    private boolean installAmcheck(Connection connection, String database, IntegrityFindings findings) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS amcheck");
            return true;
        } catch (SQLException e) {
            findings.unsupported("database \"" + database + "\": amcheck cannot be installed ("
                    + SecretMasker.of(secrets).mask(e.getMessage()) + "): " + IntegrityResult.NOT_SUPPORTED_TEXT
                    + "; the server needs the amcheck extension (postgresql-contrib, part of the official image).");
            return false;
        }
    }

    private void checkIndexes(Connection connection, String database, IntegrityFindings findings)
            throws SQLException {
        record Index(long oid, String name, String table, boolean valid, boolean temporary) {}
        List<Index> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(BTREE_INDEXES)) {
            while (rows.next()) {
                indexes.add(new Index(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBoolean(4),
                        rows.getBoolean(5)));
            }
        }
        LOG.info("amcheck: database {}: {} B-tree indexes", database, indexes.size());
        try (PreparedStatement check = connection.prepareStatement("SELECT bt_index_check(?::oid::regclass, true)")) {
            for (Index index : indexes) {
                if (index.temporary() || !index.valid()) {
                    findings.add("indexes skipped", 1);
                    findings.note("database \"" + database + "\": index " + index.name() + " on " + index.table()
                            + " skipped: " + (index.temporary() ? "a temporary index" : "invalid or not ready"
                            + " (a failed CREATE INDEX CONCURRENTLY?)") + ".");
                    continue;
                }
                check.setLong(1, index.oid());
                try {
                    check.execute();
                    findings.add("B-tree indexes checked", 1);
                } catch (SQLException e) {
                    findings.add("B-tree indexes checked", 1);
                    findings.fail("database \"" + database + "\": index " + index.name() + " on table " + index.table()
                            + " is corrupt: " + SecretMasker.of(secrets).mask(e.getMessage()) + " (REINDEX rebuilds it;"
                            + " find out why the backup holds it damaged).");
                }
            }
        }
    }

    private void readTables(Connection connection, String database, IntegrityFindings findings) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(USER_TABLES)) {
            while (rows.next()) {
                tables.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        LOG.info("full read: database {}: {} tables", database, tables.size());
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (String[] table : tables) {
            String sql = "m".equals(table[1]) ? "COPY (SELECT * FROM " + table[0] + ") TO STDOUT"
                    : "COPY " + table[0] + " TO STDOUT";
            CountingSink sink = new CountingSink();
            try {
                long rows = copy.copyOut(sql, sink);
                findings.add("tables read", 1);
                findings.add("rows read", rows);
                findings.add("bytes read", sink.bytes);
            } catch (SQLException | java.io.IOException e) {
                findings.add("tables read", 1);
                findings.fail("database \"" + database + "\": table " + table[0] + " cannot be read in full after "
                        + sink.bytes + " bytes: " + SecretMasker.of(secrets).mask(String.valueOf(e.getMessage()))
                        + " (a damaged page or TOAST value; the restored data is not sound).");
            }
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", postgres.user());
        properties.setProperty("password", postgres.password());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "restore-drill integrity");
        return DriverManager.getConnection(postgres.jdbcUrl(database), properties);
    }

    private String explain(SQLException e, String what) {
        return "Postgres at " + postgres.host() + ":" + postgres.port() + " could not run " + what + ": "
                + SecretMasker.of(secrets).mask(String.valueOf(e.getMessage()))
                + ". Check that the restored postgres service is running and the drill's user is its superuser.";
    }

    /** Discards what COPY writes, counting the bytes: constant memory whatever the table. */
    private static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
