package io.plurum.experiences.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.experiences.support.Fixtures;
import io.plurum.experiences.support.Sessions;
import io.plurum.experiences.support.TestAgents;
import io.plurum.experiences.support.TestAgents.Agent;
import io.plurum.experiences.support.TestKafka;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Experiences assembled from real session.closed events on plurum.sessions.v1. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class AssemblyTest {

    private static final Duration READABLE_WITHIN = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static boolean consumerAssigned;

    /**
     * The first event waits for the consumer to join its group and get its partitions; the timed tests measure
     * assembly, not that.
     */
    @BeforeEach
    void awaitConsumerAssigned() {
        if (consumerAssigned) {
            return;
        }
        String domain = Fixtures.uniqueDomain("warm-up");
        UUID session = UUID.randomUUID();
        TestKafka.send(Sessions.closed(session, UUID.randomUUID(), domain, "public", Sessions.skillEntries()),
                session.toString());
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().get("/experiences?domain=" + domain).then().extract().jsonPath()
                        .getList("experiences").size() == 1);
        consumerAssigned = true;
    }

    @Test
    void shouldAssembleOneExperienceFromASessionClosedDeliveredTwice() throws Exception {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("twice");
        UUID session = UUID.randomUUID();
        String key = session.toString();
        EventEnvelope closed = Sessions.closed(session, author.id(), domain, "public", Sessions.skillEntries());

        TestKafka.send(closed, key);
        TestKafka.send(closed, key);
        TestKafka.send(Sessions.again(closed), key);
        JsonPath experience = await().atMost(READABLE_WITHIN).pollInterval(Duration.ofMillis(25))
                .until(() -> ownExperience(author, domain, session), Optional::isPresent).orElseThrow();
        String shortId = experience.getString("short_id");

        given().get("/experiences/" + shortId).then().statusCode(200)
                .body("session_id", equalTo(key))
                .body("agent_id", equalTo(author.id().toString()))
                .body("goal", equalTo(Sessions.TOPIC))
                .body("domain", equalTo(domain))
                .body("tools_used", equalTo(List.of("postgresql", "docker")))
                .body("outcome", equalTo("success"))
                .body("status", equalTo("published"))
                .body("visibility", equalTo("public"))
                .body("dead_ends", hasSize(1))
                .body("dead_ends[0].what", equalTo("Tried streaming replication with synchronous_commit=on"))
                .body("breakthroughs[0].importance", equalTo("high"))
                .body("gotchas", hasSize(0))
                .body("context", equalTo("Primary is up on PostgreSQL 15.\n\nReplicas are read-only."));
        for (String mode : new String[] {"summary", "checklist", "decision_tree", "full"}) {
            TestAgents.create().request().body(Map.of("mode", mode)).post("/experiences/" + shortId + "/acquire")
                    .then().statusCode(200).body("mode", equalTo(mode));
        }

        // a later event on the same partition is assembled only after every copy before it was applied
        UUID later = UUID.randomUUID();
        TestKafka.send(Sessions.closed(later, author.id(), domain, "public", Sessions.skillEntries()), key);
        await().atMost(WAIT).until(() -> ownExperience(author, domain, later).isPresent());
        assertThat(sessionsOf(author, domain)).containsExactlyInAnyOrder(later.toString(), key);

        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            String id = experience.getString("id");
            ConsumerRecord<String, String> state = reader.readUntil(Topics.EXPERIENCES.name(),
                    records -> records.stream().anyMatch(r -> id.equals(r.key())), WAIT).stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            JsonNode event = Json.mapper().readTree(state.value());
            assertThat(event.get("type").asText()).isEqualTo(EventType.EXPERIENCE_STATE.wireName());
            assertThat(event.at("/data/session_id").asText()).isEqualTo(key);
            assertThat(event.at("/data/id").asText()).isEqualTo(id);
            assertThat(event.at("/data/short_id").asText()).isEqualTo(shortId);
        }
    }

    @Test
    void shouldKeepTheExperienceOfAPrivateSessionToItsAuthor() {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("private");
        UUID session = UUID.randomUUID();
        TestKafka.send(Sessions.closed(session, author.id(), domain, "private", Sessions.skillEntries()),
                session.toString());
        String shortId = await().atMost(READABLE_WITHIN).pollInterval(Duration.ofMillis(25))
                .until(() -> ownExperience(author, domain, session), Optional::isPresent).orElseThrow()
                .getString("short_id");

        given().auth().oauth2(author.key()).get("/experiences/" + shortId).then().statusCode(200)
                .body("visibility", equalTo("private")).body("status", equalTo("published"));
        given().get("/experiences/" + shortId).then().statusCode(404);
        given().auth().oauth2(TestAgents.create().key()).get("/experiences/" + shortId).then().statusCode(404);
    }

    @Test
    void shouldMakeNoExperienceFromASessionWithoutLearnings() {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("empty");
        UUID empty = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        TestKafka.send(Sessions.closed(empty, author.id(), domain, "public", Sessions.noLearnings()),
                empty.toString());
        TestKafka.send(Sessions.closed(marker, author.id(), domain, "public", Sessions.skillEntries()),
                empty.toString());

        await().atMost(WAIT).until(() -> ownExperience(author, domain, marker).isPresent());
        assertThat(sessionsOf(author, domain)).containsExactly(marker.toString());
    }

    @Test
    void shouldSendAnUnreadableEventToTheDeadLetterTopicSkipOtherTypesAndCarryOn() throws Exception {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("poison");
        String key = UUID.randomUUID().toString();
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.SESSIONS.name(), key, "this is not an event");
        TestKafka.send(EventEnvelope.of(EventType.SESSION_ENTRY_LOGGED, "sessions-service", key,
                Json.tree(Map.of("anything", "goes"))), key);
        TestKafka.send(Sessions.closed(marker, author.id(), domain, "public", Sessions.skillEntries()), key);

        await().atMost(WAIT).until(() -> ownExperience(author, domain, marker).isPresent());
        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            List<ConsumerRecord<String, String>> dead = reader.readUntil(Topics.SESSIONS.deadLetter(),
                    records -> records.stream().anyMatch(r -> key.equals(r.key())), WAIT).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(dead.getFirst().value()).isEqualTo("this is not an event");
            assertThat(dead.getFirst().headers().lastHeader("dead-letter-reason")).isNotNull();
        }
    }

    /** The sessions of the agent's experiences in {@code domain} (a domain of the test's own). */
    private static List<String> sessionsOf(Agent agent, String domain) {
        return ownExperiences(agent, domain).stream().map(experience -> experience.getString("session_id"))
                .toList();
    }

    /** The agent's experience assembled from {@code session}, as the listing shows it. */
    private static Optional<JsonPath> ownExperience(Agent agent, String domain, UUID session) {
        return ownExperiences(agent, domain).stream()
                .filter(experience -> session.toString().equals(experience.getString("session_id"))).findFirst();
    }

    private static List<JsonPath> ownExperiences(Agent agent, String domain) {
        JsonPath page = given().auth().oauth2(agent.key()).get("/experiences?limit=50&domain=" + domain).then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> experiences = page.getList("experiences");
        return experiences.stream().filter(experience -> agent.id().toString().equals(experience.get("agent_id")))
                .map(experience -> new JsonPath(Json.write(experience))).toList();
    }
}
