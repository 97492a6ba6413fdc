package io.plurum.sessions.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.platform.json.Json;

/** The JSON exchanged with search-service's {@code POST /internal/sessions/matches}. */
class SearchContractTest {

    @Test
    void shouldAskWithSnakeCaseFields() {
        UUID agent = UUID.fromString("6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11");
        assertThat(Json.write(new MatchRequest("Set up replication", null, List.of("postgresql"), agent)))
                .isEqualTo("{\"topic\":\"Set up replication\",\"domain\":null,\"tools_used\":[\"postgresql\"],"
                        + "\"agent_id\":\"6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11\"}");
    }

    @Test
    void shouldReadTheAnswerAndTreatMissingListsAsEmpty() {
        Matches matches = Matches.of(Json.read("{\"matching_experiences\": [{\"id\": \"e1\", \"similarity\": 0.8}],"
                + " \"extra\": 1}", MatchResponse.class));
        assertThat(matches.experiences()).hasSize(1);
        assertThat(matches.experiences().getFirst().get("similarity").asDouble()).isEqualTo(0.8);
        assertThat(matches.activeSessions()).isEmpty();
        assertThat(matches.degraded()).isFalse();
    }
}
