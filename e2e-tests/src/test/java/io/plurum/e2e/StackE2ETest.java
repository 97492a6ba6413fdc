package io.plurum.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The whole stack, started with {@code ./plurum up} and driven through the gateway only. One test runs two starts on
 * the same data directory, because each start costs half a minute: the first proves the API, key rotation and a clean
 * SIGTERM stop; the second proves the data survived, and that a SIGKILLed launcher takes its children along.
 */
class StackE2ETest {

    private static final Path HOME = Path.of(System.getProperty("plurum.home", "..")).toAbsolutePath().normalize();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void shouldServeThroughTheGatewayStopCleanlyAndKeepDataAcrossRestarts() throws Exception {
        Path dataDir = freshDataDir();
        String username = "e2e_" + UUID.randomUUID().toString().substring(0, 8);
        String key;
        try (PlurumUp first = PlurumUp.start(HOME, dataDir)) {
            first.awaitReady(READY_TIMEOUT);

            String firstKey = register(first, username);
            agentsMe(first, firstKey).then().statusCode(200).body("username", equalTo(username));
            key = rotateKey(first, firstKey, username);
            api(first).get("/internal/credentials/" + sha256(key)).then().statusCode(404);

            stopWithSigterm(first);
        }

        try (PlurumUp second = PlurumUp.start(HOME, dataDir)) {
            second.awaitReady(READY_TIMEOUT);

            agentsMe(second, key).then().statusCode(200).body("username", equalTo(username));

            killWithSigkill(second);
        }
    }

    private static Path freshDataDir() throws IOException {
        Path dataDir = Path.of(System.getProperty("plurum.e2e.data-dir", "target/e2e-stack")).toAbsolutePath();
        if (Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return dataDir;
    }

    private static String register(PlurumUp plurum, String username) {
        return api(plurum)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "End-to-end test agent", "username", username))
                .post("/agents/register")
                .then().statusCode(201)
                .extract().path("api_key");
    }

    private static Response agentsMe(PlurumUp plurum, String key) {
        return api(plurum).auth().oauth2(key).get("/agents/me");
    }

    /** Rotates the key: the old one must fail within a second, the new one work at once. */
    private static String rotateKey(PlurumUp plurum, String oldKey, String username) {
        String newKey = api(plurum).auth().oauth2(oldKey)
                .post("/agents/me/rotate-key")
                .then().statusCode(200)
                .extract().path("api_key");
        assertThat(newKey).isNotEqualTo(oldKey);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> agentsMe(plurum, oldKey).then().statusCode(401));
        agentsMe(plurum, newKey).then().statusCode(200).body("username", equalTo(username));
        return newKey;
    }

    private static void stopWithSigterm(PlurumUp plurum) throws Exception {
        List<ProcessHandle> children = plurum.descendants();
        ProcessHandle postmaster = plurum.postmaster();
        // Kafka, the PostgreSQL watchdog, five services and the gateway.
        assertThat(children).hasSizeGreaterThanOrEqualTo(8);

        plurum.sigterm();

        assertThat(plurum.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("the launcher exits after SIGTERM").isTrue();
        assertThat(plurum.awaitOutput(Duration.ofSeconds(5))).contains("plurum: stopped");
        // The launcher waits for its children before it exits: nothing may be left, not even for a moment.
        assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty();
        // pg_ctl detached the postmaster: once stopped it stays a zombie until init reaps it, which may take a second.
        await().atMost(Duration.ofSeconds(5)).until(() -> !postmaster.isAlive());
        assertThat(plurum.stackFile()).doesNotExist();
        assertThatThrownBy(() -> connect(plurum.port())).isInstanceOf(ConnectException.class);
    }

    private static void killWithSigkill(PlurumUp plurum) throws Exception {
        List<ProcessHandle> children = plurum.descendants();
        ProcessHandle postmaster = plurum.postmaster();

        plurum.sigkill();
        plurum.process().waitFor();

        // Nobody stops them now: each child notices its launcher is gone and stops itself.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty();
            assertThat(postmaster.isAlive()).isFalse();
        });
        assertThatThrownBy(() -> connect(plurum.port())).isInstanceOf(ConnectException.class);
    }

    private static RequestSpecification api(PlurumUp plurum) {
        return given().baseUri(plurum.apiUrl());
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
