package io.plurum.sessions.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.sessions.rest.TestAgents;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/** Opening a session carries search's matches when search answers, and never waits long or fails when it does not. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class SessionMatcherTest {

    @InjectMock
    @RestClient
    SearchClient search;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void closeTheCircuit() {
        circuitBreakers.resetAll();
    }

    @Test
    void shouldCarryTheMatchesOfSearch() {
        MatchResponse found = new MatchResponse(
                List.of(Json.tree(Map.of("id", "e1", "goal", "Replicate PostgreSQL", "similarity", 0.91))),
                List.of(Json.tree(Map.of("session_id", "s1", "topic", "PostgreSQL failover"))));
        when(search.matches(any())).thenReturn(Uni.createFrom().item(found));
        TestAgents.Agent agent = TestAgents.create();

        agent.request().body(Map.of("topic", "Set up PostgreSQL replication", "domain", "infrastructure",
                        "tools_used", List.of("postgresql")))
                .post("/sessions").then()
                .statusCode(201)
                .body("matching_experiences", hasSize(1))
                .body("matching_experiences[0].goal", equalTo("Replicate PostgreSQL"))
                .body("active_sessions[0].topic", equalTo("PostgreSQL failover"))
                .body("matching_degraded", equalTo(false));

        ArgumentCaptor<MatchRequest> asked = ArgumentCaptor.forClass(MatchRequest.class);
        verify(search).matches(asked.capture());
        assertThat(asked.getValue()).isEqualTo(new MatchRequest("Set up PostgreSQL replication", "infrastructure",
                List.of("postgresql"), agent.id()));
    }

    @Test
    void shouldOpenWithDegradedMatchesWhenSearchIsSlow() {
        when(search.matches(any())).thenReturn(Uni.createFrom().item(new MatchResponse(List.of(), List.of()))
                .onItem().delayIt().by(Duration.ofSeconds(3)));
        TestAgents.Agent agent = TestAgents.create();

        long started = System.nanoTime();
        agent.request().body(Map.of("topic", "Tune the JVM")).post("/sessions").then()
                .statusCode(201)
                .body("matching_degraded", equalTo(true));
        // The session did not wait for search's 3 s answer.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldOpenWithDegradedMatchesWhenSearchFails() {
        when(search.matches(any())).thenReturn(Uni.createFrom().failure(new IllegalStateException("search is down")));
        TestAgents.Agent agent = TestAgents.create();
        agent.request().body(Map.of("topic", "Tune the JVM")).post("/sessions").then()
                .statusCode(201)
                .body("session.status", equalTo("open"))
                .body("matching_experiences", hasSize(0))
                .body("matching_degraded", equalTo(true));
    }
}
