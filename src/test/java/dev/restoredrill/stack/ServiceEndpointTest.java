package dev.restoredrill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The MongoDB URI as the driver reads it: the driver ignores an option it does not know, with a warning only. */
class ServiceEndpointTest {

    @Test
    void theMongoDbUriNamesOneServerAndGivesItsMonitorTwoMinutes() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(new ServiceEndpoint("localhost", 32771).mongodbUri()))
                .build();

        assertThat(settings.getClusterSettings().getHosts()).extracting(Object::toString)
                .containsExactly("localhost:32771");
        assertThat(settings.getClusterSettings().getMode().name()).isEqualTo("SINGLE");
        // The monitor's socket reads with the connect timeout.
        assertThat(settings.getHeartbeatSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(120);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.SECONDS)).isEqualTo(120);
    }
}
