package dev.restoredrill.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.restoredrill.scenario.Expectation;
import dev.restoredrill.scenario.MongoCheck;
import dev.restoredrill.scenario.Severity;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * A check's MongoDB failure says which of three things happened, because each has another fix: the server cannot be
 * reached, it took the query and gave no answer in time (a 0.9 GB archive on the MongoDB stand-in: "messages recent"
 * sorts every message), or it refused the query. The last was once said of all three.
 */
class MongoProbeFailureTest {
    private static final String PASSWORD = "s3cret-mongo-password";
    private static final MongoCheck RECENT = new MongoCheck("messages recent", Severity.CRITICAL, "LibreChat", "messages",
            MongoCheck.MATCH_ALL, Optional.of("createdAt"), Expectation.parse("newest within 26h of the backup date"));
    private final MongoProbe probe = new MongoProbe(
            new StoreConnections.Mongo("mongodb://drill:" + PASSWORD + "@127.0.0.1:27017/?directConnection=true"), List.of(PASSWORD));

    @Test
    void aQueryWithoutAnAnswerInTimeIsCalledSlowNotRefused() {
        StoreAccessException e = probe.failure(RECENT, new MongoSocketReadTimeoutException("Timeout while receiving message",
                new ServerAddress("127.0.0.1", 27017), new SocketTimeoutException("Read timed out")));

        assertThat(e).hasMessageContaining("LibreChat.messages.find({}).sort({\"createdAt\": -1}).limit(1)")
                .hasMessageContaining("no answer within 120 s").hasMessageContaining("CPU and memory")
                .hasMessageNotContaining("Fix the check's filter");
    }

    @Test
    void anUnreachableServerIsNamedWithoutItsPassword() {
        StoreAccessException e = probe.failure(RECENT, new MongoTimeoutException("Timed out while waiting for a server"));

        assertThat(e).hasMessageContaining("Could not reach MongoDB at").hasMessageContaining("within 10 s")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aRefusedQueryPointsAtTheCheck() {
        BsonDocument answer = BsonDocument.parse("{ok: 0, errmsg: \"unknown operator: $foo\", code: 2}");
        StoreAccessException e = probe.failure(RECENT, new MongoCommandException(answer, new ServerAddress("127.0.0.1", 27017)));

        assertThat(e).hasMessageStartingWith("MongoDB refused the query on LibreChat.messages")
                .hasMessageContaining("unknown operator").hasMessageContaining("Fix the check's filter or field");
    }
}
