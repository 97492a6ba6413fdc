package io.plurum.sessions.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The events other services build on, read back from Kafka with a real consumer. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class SessionEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void shouldPublishTheLifeOfAPublicSession() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.log(agent, id, "dead_end", Map.of("what", "Synchronous commit", "why", "Too slow"));
        Fixtures.log(agent, id, "breakthrough", Map.of("insight", "Replication slots"));
        agent.request().body(Map.of("domain", "databases")).patch("/sessions/" + id).then().statusCode(200);
        Fixtures.close(agent, id, "success");

        List<JsonNode> events = events(Topics.SESSIONS, id, 5);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("session.opened",
                "session.entry_logged", "session.entry_logged", "session.updated", "session.closed");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("aggregate_id").asText()).isEqualTo(id);
            assertThat(e.get("producer").asText()).isEqualTo("sessions-service");
        });

        JsonNode opened = events.get(0).get("data");
        assertThat(opened.get("topic").asText()).isEqualTo("Set up PostgreSQL replication for high availability");
        assertThat(opened.get("agent_id").asText()).isEqualTo(agent.id().toString());
        assertThat(opened.get("visibility").asText()).isEqualTo("public");
        assertThat(opened.get("status").asText()).isEqualTo("open");

        JsonNode logged = events.get(1).get("data");
        assertThat(logged.at("/entry/seq").asInt()).isEqualTo(1);
        assertThat(logged.at("/entry/entry_type").asText()).isEqualTo("dead_end");
        assertThat(logged.at("/entry/content/why").asText()).isEqualTo("Too slow");
        assertThat(logged.at("/session/entry_count").asInt()).isEqualTo(1);

        assertThat(events.get(3).at("/data/domain").asText()).isEqualTo("databases");

        JsonNode closed = events.get(4).get("data");
        assertThat(closed.at("/session/status").asText()).isEqualTo("closed");
        assertThat(closed.at("/session/outcome").asText()).isEqualTo("success");
        assertThat(closed.at("/session/entry_count").asInt()).isEqualTo(2);
        assertThat(closed.at("/session/closed_at").asText()).endsWith("Z");
        assertThat(closed.get("entries")).hasSize(2);
        assertThat(closed.at("/entries/0/content/what").asText()).isEqualTo("Synchronous commit");
        assertThat(closed.at("/entries/1/entry_type").asText()).isEqualTo("breakthrough");
        assertThat(closed.at("/entries/1/content/importance").asText()).isEqualTo("medium");

        List<JsonNode> states = events(Topics.SESSION_STATE, id, 5);
        assertThat(states).extracting(e -> e.get("type").asText()).containsOnly("session.state");
        assertThat(states).extracting(e -> e.at("/data/status").asText())
                .containsExactly("open", "open", "open", "open", "closed");
        assertThat(states).extracting(e -> e.at("/data/entry_count").asInt()).containsExactly(0, 1, 2, 2, 2);
        assertThat(states.getLast().get("data").fieldNames()).toIterable().containsExactlyInAnyOrder("id",
                "short_id", "agent_id", "topic", "domain", "tools_used", "visibility", "status", "outcome",
                "started_at", "closed_at", "entry_count", "experience_id", "experience_short_id");
    }

    @Test
    void shouldPublishAbandonment() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().post("/sessions/" + id + "/abandon").then().statusCode(200);

        List<JsonNode> events = events(Topics.SESSIONS, id, 2);
        assertThat(events.get(1).get("type").asText()).isEqualTo("session.abandoned");
        assertThat(events.get(1).at("/data/status").asText()).isEqualTo("abandoned");
        assertThat(events(Topics.SESSION_STATE, id, 2).getLast().at("/data/status").asText()).isEqualTo("abandoned");
    }

    @Test
    void shouldPublishContributionForTheSessionOwner() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPublic(owner);
        TestAgents.Agent helper = TestAgents.create();
        helper.request().body(Map.of("content", Map.of("text", "Mind max_wal_size"), "contribution_type", "warning"))
                .post("/sessions/" + id + "/contribute").then().statusCode(201);

        JsonNode event = events(Topics.CONTRIBUTIONS, id, 1).getFirst();
        assertThat(event.get("type").asText()).isEqualTo("contribution.received");
        JsonNode data = event.get("data");
        assertThat(data.get("session_id").asText()).isEqualTo(id);
        assertThat(data.get("session_owner_id").asText()).isEqualTo(owner.id().toString());
        assertThat(data.get("contributor_agent_id").asText()).isEqualTo(helper.id().toString());
        assertThat(data.get("contribution_type").asText()).isEqualTo("warning");
        assertThat(data.at("/content/text").asText()).isEqualTo("Mind max_wal_size");
    }

    @Test
    void shouldKeepPrivateContentOutOfEveryEventButClosed() {
        TestAgents.Agent owner = TestAgents.create();
        String id = owner.request().body(Map.of("topic", "TOPIC-MARKER migration", "domain", "DOMAIN-MARKER",
                        "tools_used", List.of("TOOL-MARKER"), "visibility", "private"))
                .post("/sessions").then().statusCode(201).extract().path("session.id");
        Fixtures.log(owner, id, "gotcha", Map.of("warning", "ENTRY-MARKER"));
        owner.request().body(Map.of("tools_used", List.of("TOOL-MARKER", "psql"))).patch("/sessions/" + id).then()
                .statusCode(200);
        owner.request().body(Map.of("content", Map.of("text", "CONTRIBUTION-MARKER")))
                .post("/sessions/" + id + "/contribute").then().statusCode(201);
        Fixtures.close(owner, id, "partial");

        List<JsonNode> events = events(Topics.SESSIONS, id, 4);
        List<JsonNode> beforeClose = events.subList(0, 3);
        assertThat(beforeClose).extracting(e -> e.get("type").asText())
                .containsExactly("session.opened", "session.entry_logged", "session.updated");
        List<JsonNode> shared = new ArrayList<>(beforeClose);
        shared.addAll(events(Topics.SESSION_STATE, id, 4));
        shared.addAll(events(Topics.CONTRIBUTIONS, id, 1));
        assertThat(shared).allSatisfy(event -> {
            assertThat(event.toString()).doesNotContain("MARKER");
            assertThat(event.findValue("topic")).isNull();
            assertThat(event.findValue("content")).isNull();
            assertThat(event.findValue("visibility").asText()).isEqualTo("private");
            assertThat(event.toString()).contains(owner.id().toString());
        });

        JsonNode closed = events.get(3);
        assertThat(closed.get("type").asText()).isEqualTo("session.closed");
        assertThat(closed.at("/data/session/visibility").asText()).isEqualTo("private");
        assertThat(closed.at("/data/session/topic").asText()).isEqualTo("TOPIC-MARKER migration");
        assertThat(closed.at("/data/entries/0/content/warning").asText()).isEqualTo("ENTRY-MARKER");
    }

    /** The first {@code count} events of the session on {@code topic}, in the order they were written. */
    static List<JsonNode> events(Topic topic, String sessionId, int count) {
        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            return reader.readUntil(topic.name(), records -> ofSession(records, sessionId).size() >= count, WAIT)
                    .stream().filter(r -> sessionId.equals(r.key())).limit(count).map(SessionEventsTest::parse)
                    .toList();
        }
    }

    private static List<ConsumerRecord<String, String>> ofSession(List<ConsumerRecord<String, String>> records,
                                                                  String sessionId) {
        return records.stream().filter(r -> sessionId.equals(r.key())).toList();
    }

    private static JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return Json.mapper().readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON on " + record.topic() + ": " + record.value(), e);
        }
    }
}
