package dev.restoredrill.verify;

import com.sun.net.httpserver.HttpServer;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A released S3 client leaves no thread that keeps a JVM alive: MinIO's client answers through OkHttp, whose
 * dispatcher threads are not daemons and idle a minute before they end (the demo generator's JVM waited that long
 * after its last PUT). The store is a plain HTTP server on loopback answering as S3 does for a missing bucket: the
 * MinIO client first asks the bucket's region ({@code GET /bucket?location}, minio-java
 * {@code io/minio/S3Base.java} getRegionAsync), answered with a {@code LocationConstraint} document as in the AWS S3
 * API reference (GetBucketLocation); then {@code HEAD /bucket}, answered 404 without a body as S3 answers HeadBucket
 * for a bucket that does not exist.
 */
class S3ClientReleaseTest {

    @Test
    void aReleasedClientLeavesNoThreadThatHoldsTheJvm() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getQuery() != null
                    && exchange.getRequestURI().getQuery().contains("location")
                    ? "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">us-east-1</LocationConstraint>"
                            .getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            exchange.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Set<Thread> before = nonDaemonThreads();
        try {
            StoreConnections.S3 s3 = new StoreConnections.S3("http://127.0.0.1:" + server.getAddress().getPort(),
                    "drill", "not-a-secret");
            MinioClient client = s3.client(Duration.ofSeconds(10));
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("langfuse").build()))
                    .as("the stand-in store has no bucket").isFalse();
            assertThat(newThreads(before)).as("the client answered on threads of its own").isNotEmpty();

            StoreConnections.S3.release(client);

            await("the client's threads end").atMost(Duration.ofSeconds(10)).pollInSameThread()
                    .untilAsserted(() -> assertThat(newThreads(before)).as("non-daemon threads left").isEmpty());
        } finally {
            server.stop(0);
        }
    }

    private static List<String> newThreads(Set<Thread> before) {
        return nonDaemonThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).toList();
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon() && t.isAlive())
                .collect(Collectors.toSet());
    }
}
