package io.plurum.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.json.Json;

class EventsTest {

    @Test
    void shouldSerialiseEnvelopeInSnakeCaseAndReadItBack() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.SESSION_OPENED, "sessions-service", "s-1",
                Json.tree(Map.of("topic_text", "x")));
        JsonNode json = Json.mapper().readTree(Json.write(event));
        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("event_id", "type", "occurred_at", "producer", "aggregate_id", "data");
        assertThat(json.get("type").asText()).isEqualTo("session.opened");
        assertThat(json.get("occurred_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        EventEnvelope back = Json.read(Json.write(event), EventEnvelope.class);
        assertThat(back).isEqualTo(event);
        assertThat(back.eventType().topic()).isEqualTo(Topics.SESSIONS);
    }

    @Test
    void shouldDeclareEachTopicOnceWithOneWriter() {
        Set<String> names = new HashSet<>();
        for (Topic topic : Topics.ALL) {
            assertThat(names.add(topic.name())).as(topic.name()).isTrue();
            assertThat(topic.writer()).isNotBlank();
            assertThat(topic.deadLetter()).isEqualTo(topic.name() + ".dlq");
        }
        assertThat(Topics.CREDENTIALS.config()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.EXPERIENCES.config()).containsEntry("cleanup.policy", "compact");
        assertThat(Topics.SESSIONS.config()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", Long.toString(7L * 24 * 3600 * 1000));
    }

    @Test
    void shouldMapEveryEventTypeToARegisteredTopicAndBack() {
        for (EventType type : EventType.values()) {
            assertThat(Topics.ALL).contains(type.topic());
            assertThat(EventType.fromWireName(type.wireName())).isEqualTo(type);
        }
        assertThatThrownBy(() -> EventType.fromWireName("session.exploded"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.byName("plurum.nothing.v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
