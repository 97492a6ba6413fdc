package io.plurum.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;
import io.plurum.platform.json.Json;

class ExperienceStateTest {

    private static final ExperienceState STATE = new ExperienceState(UUID.randomUUID(), "abcd1234", UUID.randomUUID(),
            null, "Set up PostgreSQL streaming replication", "databases", List.of("postgresql"), "success",
            "published", "public", List.of(new DeadEnd("copied the data directory while running", null)),
            List.of(new Breakthrough("use a replication slot", "so the primary keeps WAL", "high"),
                    new Breakthrough("pg_basebackup -R writes the standby config", null, "medium")),
            List.of(new Gotcha("wal_keep_size is not enough on its own ", "")), List.of(), null, 0.5, 1.0, 2, 2, 0,
            1, 0, 3, 1, 1.0, Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-01T10:05:00Z"),
            Instant.parse("2026-11-02T08:00:00Z"));

    @Test
    void shouldEncodeEmbeddingsAsBase64OfLittleEndianFloat32() {
        assertThat(ExperienceState.encodeEmbedding(new float[] {1.0f, -2.5f})).isEqualTo("AACAPwAAIMA=");

        float[] vector = {0.125f, -0.75f, Float.MIN_VALUE, 3.4e38f};
        assertThat(ExperienceState.decodeEmbedding(ExperienceState.encodeEmbedding(vector))).containsExactly(vector);
    }

    @Test
    void shouldRefuseAnEmbeddingThatIsNotWholeFloats() {
        assertThatThrownBy(() -> ExperienceState.decodeEmbedding("AACAPwA=")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ExperienceState.decodeEmbedding("not base64!")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void shouldLeaveTheEmbeddingOutOfAStateWithoutOne() throws Exception {
        JsonNode json = Json.mapper().readTree(Json.write(STATE));

        assertThat(json.has("embedding")).isFalse();
        assertThat(json.has("embedding_model")).isFalse();
        assertThat(json.has("recent_success_rate")).isTrue();
    }

    @Test
    void shouldCarryTheEmbeddingAndItsModelInSnakeCase() throws Exception {
        String encoded = ExperienceState.encodeEmbedding(new float[] {0.6f, 0.8f});
        ExperienceState embedded = STATE.withEmbedding(encoded, "all-minilm-l6-v2-q");

        JsonNode json = Json.mapper().readTree(Json.write(embedded));

        assertThat(json.get("embedding").asText()).isEqualTo(encoded);
        assertThat(json.get("embedding_model").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(Json.convert(json, ExperienceState.class)).isEqualTo(embedded);
        assertThat(Json.convert(Json.tree(STATE), ExperienceState.class)).isEqualTo(STATE);
    }

    @Test
    void shouldEmbedTheGoalThenInsightsThenGotchasThenDeadEnds() {
        assertThat(STATE.embeddingText()).isEqualTo("""
                Set up PostgreSQL streaming replication
                use a replication slot so the primary keeps WAL
                pg_basebackup -R writes the standby config
                wal_keep_size is not enough on its own
                copied the data directory while running""");
    }
}
