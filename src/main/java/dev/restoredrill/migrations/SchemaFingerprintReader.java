package dev.restoredrill.migrations;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.restoredrill.verify.StoreConnections;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads a {@link SchemaFingerprint} of the restored stores: Postgres tables, columns (with types) and indexes of
 * every database; ClickHouse tables (with engines) and columns (with types); MongoDB collections and indexes.
 * Catalog queries only: never the data, and nothing is written. Each store is read only if asked for.
 */
public final class SchemaFingerprintReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final StoreConnections connections;

    public SchemaFingerprintReader(StoreConnections connections) {
        this.connections = connections;
    }

    public SchemaFingerprint read(boolean postgres, boolean clickhouse, boolean mongodb) {
        SortedSet<String> lines = new TreeSet<>();
        SortedSet<String> populated = new TreeSet<>();
        if (postgres) {
            postgres(lines, populated);
        }
        if (clickhouse) {
            clickhouse(lines, populated);
        }
        if (mongodb) {
            mongodb(lines, populated);
        }
        return new SchemaFingerprint(lines, populated);
    }

    private void postgres(SortedSet<String> lines, SortedSet<String> populated) {
        StoreConnections.Postgres pg = connections.postgres();
        List<String> databases = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
             Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate "
                     + "AND datname <> 'postgres' ORDER BY datname")) {
            while (rows.next()) {
                databases.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the restored Postgres databases (" + pg + "): "
                    + e.getMessage(), e);
        }
        for (String database : databases) {
            String prefix = "postgres/" + database + " ";
            try (Connection connection = DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
                 Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) TIMEOUT.toSeconds());
                List<String[]> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT table_schema, table_name FROM "
                        + "information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
                        + "AND table_type = 'BASE TABLE'")) {
                    while (rows.next()) {
                        tables.add(new String[] {rows.getString(1), rows.getString(2)});
                        lines.add(prefix + "table " + rows.getString(1) + "." + rows.getString(2));
                    }
                }
                for (String[] table : tables) {
                    // One row is enough to know the table holds data; never a count of a big table.
                    try (ResultSet any = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(table[0]) + "."
                            + quote(table[1]) + ")")) {
                        if (any.next() && any.getBoolean(1)) {
                            populated.add("postgres/" + database + " " + table[0] + "." + table[1]);
                        }
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT table_schema || '.' || table_name || '.' || "
                        + "column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END, "
                        + "is_nullable FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', "
                        + "'information_schema')")) {
                    while (rows.next()) {
                        lines.add(prefix + "column " + rows.getString(1) + " " + rows.getString(2)
                                + ("NO".equals(rows.getString(3)) ? " not null" : ""));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT schemaname || '.' || indexname, indexdef FROM "
                        + "pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
                    while (rows.next()) {
                        String definition = rows.getString(2);
                        lines.add(prefix + "index " + rows.getString(1) + " "
                                + definition.substring(definition.indexOf(" ON ") + 4));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' "
                        + "ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid "
                        + "GROUP BY t.typname")) {
                    while (rows.next()) {
                        lines.add(prefix + "enum " + rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the schema of database " + database + " (" + pg
                        + "): " + e.getMessage(), e);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private void clickhouse(SortedSet<String> lines, SortedSet<String> populated) {
        for (String row : clickhouseRows("SELECT database, name, engine FROM system.tables "
                + "WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema')")) {
            String[] cells = row.split("\t");
            lines.add("clickhouse table " + cells[0] + "." + cells[1] + " " + cells[2]);
        }
        for (String row : clickhouseRows("SELECT database, table, name, type FROM system.columns "
                + "WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema')")) {
            String[] cells = row.split("\t");
            lines.add("clickhouse column " + cells[0] + "." + cells[1] + "." + cells[2] + " " + cells[3]);
        }
        // system.parts (active parts' rows) answers on 18.16 and on 24.x alike; system.tables.total_rows is newer.
        for (String row : clickhouseRows("SELECT database, table FROM system.parts WHERE active "
                + "AND database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema') "
                + "GROUP BY database, table HAVING sum(rows) > 0")) {
            String[] cells = row.split("\t");
            populated.add("clickhouse " + cells[0] + "." + cells[1]);
        }
    }

    private List<String> clickhouseRows(String sql) {
        StoreConnections.ClickHouse ch = connections.clickhouse();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ch.baseUrl().replaceAll("/+$", "") + "/"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ch.user() + ":"
                        + ch.password()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(sql + " FORMAT TabSeparated", StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse (" + ch + ") refused a catalog query: HTTP "
                        + response.statusCode() + " " + response.body().strip());
            }
            return response.body().lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach the restored ClickHouse (" + ch + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ClickHouse's catalog", e);
        }
    }

    private void mongodb(SortedSet<String> lines, SortedSet<String> populated) {
        try (MongoClient client = MongoClients.create(connections.mongo().connectionString())) {
            for (String database : client.listDatabaseNames()) {
                if (List.of("admin", "local", "config").contains(database)) {
                    continue;
                }
                MongoDatabase db = client.getDatabase(database);
                for (String collection : db.listCollectionNames()) {
                    lines.add("mongodb collection " + database + "." + collection);
                    if (db.getCollection(collection).find().limit(1).first() != null) {
                        populated.add("mongodb " + database + "." + collection);
                    }
                    for (Document index : db.getCollection(collection).listIndexes()) {
                        lines.add("mongodb index " + database + "." + collection + " " + index.getString("name")
                                + " " + index.get("key", Document.class).toJson()
                                + (index.getBoolean("unique", false) ? " unique" : "")
                                + (index.containsKey("expireAfterSeconds") ? " ttl " + index.get("expireAfterSeconds")
                                : ""));
                    }
                }
            }
        }
    }
}
