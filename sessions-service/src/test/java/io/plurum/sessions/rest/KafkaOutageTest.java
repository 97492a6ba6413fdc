package io.plurum.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.auth.Credential;
import io.plurum.platform.auth.CredentialCache;
import io.plurum.platform.embedded.EmbeddedKafka;
import io.plurum.platform.embedded.PortFinder;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Kafka is down while sessions open, log and close: every request succeeds and the events wait in the outbox. When
 * Kafka comes up, each event is published once, in the order of the changes. The shared broker of the other tests
 * is never stopped: this application is given a broker address where nothing listens until the test starts one.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.LateKafka.class)
class KafkaOutageTest {

    private static EmbeddedKafka lateBroker;
    private static Path brokerDirectory;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CredentialCache credentials;

    @Inject
    Pool database;

    @AfterAll
    static void stopTheLateBroker() throws IOException {
        if (lateBroker != null) {
            lateBroker.close();
        }
        if (brokerDirectory != null) {
            try (var paths = Files.walk(brokerDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void shouldKeepServingWhileKafkaIsDownAndPublishEveryEventOnceInOrderWhenItReturns() throws IOException {
        // No credentials topic to follow either: the key is put where the topic would have put it.
        String key = ApiKeys.generate();
        credentials.put(ApiKeys.hash(key), new Credential(UUID.randomUUID(), true));
        List<String> sessions = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            String id = as(key).body(Map.of("topic", "Outage session " + s)).post("/sessions").then()
                    .statusCode(201).extract().path("session.id");
            for (int i = 1; i <= 5; i++) {
                as(key).body(Map.of("entry_type", "note", "content", Map.of("text", "step " + i)))
                        .post("/sessions/" + id + "/entries").then().statusCode(201);
            }
            as(key).body(Map.of("outcome", "success")).post("/sessions/" + id + "/close").then().statusCode(200);
            sessions.add(id);
        }
        assertThat(unsent()).as("events waiting in the outbox").isEqualTo(3 * 2 * 7);

        brokerDirectory = Files.createTempDirectory("plurum-late-kafka-");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        lateBroker = EmbeddedKafka.start(EmbeddedKafka.Options.of(brokerDirectory).withPorts(port, 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> unsent() == 0);

        try (TopicReader reader = new TopicReader(bootstrap)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(Topics.SESSIONS.name(),
                    all -> all.size() >= 3 * 7, Duration.ofSeconds(20));
            assertThat(records).hasSize(3 * 7);
            for (String id : sessions) {
                List<String> types = records.stream().filter(r -> id.equals(r.key()))
                        .map(r -> Json.read(r.value(), Map.class).get("type").toString()).toList();
                assertThat(types).as(id).containsExactly("session.opened", "session.entry_logged",
                        "session.entry_logged", "session.entry_logged", "session.entry_logged",
                        "session.entry_logged", "session.closed");
            }
            assertThat(records).extracting(r -> Json.read(r.value(), Map.class).get("event_id"))
                    .doesNotHaveDuplicates();
        }
    }

    private long unsent() {
        return database.query("select count(*) from outbox_event where sent_at is null").execute()
                .await().indefinitely().iterator().next().getLong(0);
    }

    private static RequestSpecification as(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON);
    }

    /** This test's own application: the shared database, and a Kafka address where no broker listens yet. */
    public static class LateKafka implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Resource.class));
        }
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        private final PlurumTestResource shared = new PlurumTestResource();

        @Override
        public Map<String, String> start() {
            shared.init(Map.of(PlurumTestResource.DATABASE_ARG, "sessions_outage"));
            Map<String, String> config = new HashMap<>(shared.start());
            config.put("kafka.bootstrap.servers", "127.0.0.1:" + PortFinder.freePort());
            config.put("plurum.auth.credentials-feed", "false");
            return config;
        }

        @Override
        public void stop() {
            shared.stop();
        }
    }
}
