package dev.restoredrill.stack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.restoredrill.testsupport.RequiresDocker;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.restassured.RestAssured;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference stores, started the way a drill starts them (platform.yml + drill.override.yml +
 * reference.override.yml through ComposeContainer), each spoken to with its real client: a write and a read.
 * After the stack is closed nothing of its project may be left.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceStackIT {

    private static final List<String> STORES = List.of("postgres", "mongodb", "clickhouse", "minio");

    private final DrillCredentials credentials = DrillCredentials.generate();
    private DrillStack stack;

    @BeforeAll
    void startStack(@TempDir Path work) throws Exception {
        stack = DrillStack.create(new StackDefinition(
                List.of(Path.of("compose/platform.yml"), Path.of("compose/drill.override.yml"),
                        Path.of("compose/reference.override.yml")),
                STORES, work, Duration.ofMinutes(3)), credentials, Clock.systemUTC());
        stack.start();
        STORES.forEach(service -> stack.awaitHealthy(service, Duration.ofMinutes(2)));
    }

    @AfterAll
    void tearDownAndCheckNothingIsLeft() {
        String project = stack.id().value();
        stack.close();
        assertThat(LeftoverReaper.remaining(project)).as("containers, volumes, networks of " + project).isEmpty();
    }

    @Test
    void theProjectIsTheDrillsOwnAndBindsNoFixedHostPort() {
        String project = stack.id().value();
        assertThat(project).matches("drill-\\d{8}-[a-z0-9]{6}");
        String ports = DockerCli.require(Duration.ofSeconds(30), "ps", "--filter",
                "label=" + DrillLabels.COMPOSE_PROJECT + "=" + project, "--format", "{{.Names}} {{.Ports}}");
        assertThat(ports.lines()).hasSize(STORES.size()).noneMatch(line -> line.contains("->"));
        String volumes = DockerCli.require(Duration.ofSeconds(30), "volume", "ls", "--filter",
                "label=" + DrillLabels.DRILL + "=" + project, "--format", "{{.Name}}");
        assertThat(volumes.lines()).allMatch(name -> name.startsWith(project + "_"))
                .contains(project + "_postgres-data", project + "_clickhouse-data");
    }

    @Test
    void postgresTakesAWriteAndReadsItBackOverJdbc() throws Exception {
        ServiceEndpoint pg = stack.endpoint("postgres", 5432);
        String url = "jdbc:postgresql://" + pg + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, credentials.postgresUser(),
                credentials.postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE drill_probe (id int PRIMARY KEY, note text)");
            statement.execute("INSERT INTO drill_probe VALUES (1, 'restored'), (2, 'verified')");
            try (ResultSet rows = statement.executeQuery("SELECT string_agg(note, ',' ORDER BY id) FROM drill_probe")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("restored,verified");
            }
            try (ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                assertThat(version.getString(1)).startsWith("15.");
            }
        }
    }

    @Test
    void clickhouseTakesAWriteAndReadsItBackOverHttp() {
        ServiceEndpoint ch = stack.endpoint("clickhouse", 8123);
        clickhouse(ch, "CREATE TABLE drill_probe (id UInt32, note String) ENGINE = MergeTree ORDER BY id");
        clickhouse(ch, "INSERT INTO drill_probe VALUES (1, 'restored'), (2, 'verified')");
        assertThat(clickhouse(ch, "SELECT count(), groupArray(note) FROM drill_probe FORMAT TabSeparated").strip())
                .isEqualTo("2\t['restored','verified']");
    }

    private String clickhouse(ServiceEndpoint endpoint, String sql) {
        return RestAssured.given()
                .baseUri(endpoint.httpUrl())
                .auth().preemptive().basic(credentials.clickhouseUser(), credentials.clickhousePassword())
                .body(sql)
                .post("/")
                .then().statusCode(200)
                .extract().asString();
    }

    @Test
    void theS3StoreTakesAnObjectAndReturnsIt() throws Exception {
        ServiceEndpoint s3 = stack.endpoint("minio", 9000);
        MinioClient client = MinioClient.builder().endpoint(s3.httpUrl())
                .credentials(credentials.minioUser(), credentials.minioPassword()).build();
        client.makeBucket(MakeBucketArgs.builder().bucket("langfuse").build());
        assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("langfuse").build())).isTrue();
        byte[] body = "{\"event\":\"drill\"}".getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket("langfuse").object("events/p1/trace/t1/e1.json")
                .stream(new ByteArrayInputStream(body), body.length, -1).contentType("application/json").build());
        try (InputStream read = client.getObject(GetObjectArgs.builder().bucket("langfuse")
                .object("events/p1/trace/t1/e1.json").build())) {
            assertThat(read.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void mongodbTakesADocumentAndFindsIt() {
        ServiceEndpoint mongo = stack.endpoint("mongodb", 27017);
        try (MongoClient client = MongoClients.create("mongodb://" + mongo)) {
            MongoCollection<Document> users = client.getDatabase("LibreChat").getCollection("users");
            users.insertOne(new Document("email", "drill@example.org").append("role", "USER"));
            Document found = users.find(new Document("email", "drill@example.org")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("role")).isEqualTo("USER");
            assertThat(users.countDocuments()).isEqualTo(1);
        }
    }
}
