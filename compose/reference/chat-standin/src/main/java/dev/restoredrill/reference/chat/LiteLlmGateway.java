package dev.restoredrill.reference.chat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

/**
 * The gateway's side of a chat over LiteLLM's restored Postgres: find the key's token row, and after the answer
 * log the spend and add it to the key, in one transaction, as LiteLLM's spend writer does. A connection per call:
 * a drill sends a handful of chats, and a pool would hide a database that went away.
 * LiteLLM's timestamps are {@code TIMESTAMP(3)} without time zone, in UTC: they are read and written as
 * {@link LocalDateTime} in UTC ({@code java.sql.Timestamp} would shift them by the JVM's time zone).
 */
final class LiteLlmGateway {

    private static final String FIND_TOKEN = "SELECT token, spend, max_budget, expires, blocked "
            + "FROM \"LiteLLM_VerificationToken\" WHERE token = ?";
    private static final String INSERT_SPEND_LOG = "INSERT INTO \"LiteLLM_SpendLogs\" (request_id, call_type, "
            + "api_key, spend, total_tokens, prompt_tokens, completion_tokens, \"startTime\", \"endTime\", model, "
            + "\"user\", status) VALUES (?, 'acompletion', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'success')";
    private static final String ADD_SPEND = "UPDATE \"LiteLLM_VerificationToken\" SET spend = spend + ?, "
            + "updated_at = ? WHERE token = ?";

    private final PostgresTarget target;

    LiteLlmGateway(PostgresTarget target) {
        this.target = target;
    }

    Optional<VerificationTokenRow> findToken(GatewayKey key) {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(FIND_TOKEN)) {
            query.setString(1, key.tokenHash());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                LocalDateTime expires = row.getObject("expires", LocalDateTime.class);
                return Optional.of(new VerificationTokenRow(row.getString("token"), row.getDouble("spend"),
                        row.getObject("max_budget", Double.class),
                        expires == null ? null : expires.toInstant(ZoneOffset.UTC),
                        row.getObject("blocked", Boolean.class)));
            }
        } catch (SQLException e) {
            throw failure("reading \"LiteLLM_VerificationToken\"", e);
        }
    }

    void recordSpend(SpendLogEntry entry) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement log = connection.prepareStatement(INSERT_SPEND_LOG);
                 PreparedStatement add = connection.prepareStatement(ADD_SPEND)) {
                Completion completion = entry.completion();
                log.setString(1, entry.requestId());
                log.setString(2, entry.key().tokenHash());
                log.setDouble(3, completion.spend());
                log.setInt(4, completion.totalTokens());
                log.setInt(5, completion.promptTokens());
                log.setInt(6, completion.completionTokens());
                log.setObject(7, utc(entry.startTime()));
                log.setObject(8, utc(entry.endTime()));
                log.setString(9, entry.model());
                log.setString(10, entry.user());
                log.executeUpdate();
                add.setDouble(1, completion.spend());
                add.setObject(2, utc(entry.endTime()));
                add.setString(3, entry.key().tokenHash());
                add.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("writing \"LiteLLM_SpendLogs\"", e);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("ApplicationName", "restore-drill chat stand-in");
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    private StandInException failure(String doing, SQLException e) {
        // The driver's messages name host, user and SQL state, never the password.
        return new StandInException("LiteLLM database " + target.describe() + ": " + doing + " failed: "
                + e.getMessage(), e);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
