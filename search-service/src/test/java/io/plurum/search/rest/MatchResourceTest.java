package io.plurum.search.rest;

import static io.plurum.search.Experiences.published;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.search.Experiences;
import io.plurum.search.KafkaEvents;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class MatchResourceTest {

    private static final String TOPIC = "Migrate a Spring Boot service from Java 17 to Java 21";
    private static KafkaEvents events;

    @BeforeAll
    static void connect() {
        events = new KafkaEvents();
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @BeforeEach
    void waitUntilReplayed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void shouldMatchExperiencesAndOpenPublicSessionsOfOtherAgentsOnly() {
        UUID opener = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ExperienceState experience = published(other, "Upgrade Spring Boot applications to Java 21", "backend",
                List.of("spring-boot", "java"), "bump the Gradle toolchain and fix removed javax imports");
        UUID othersOpen = UUID.randomUUID();
        UUID othersClosed = UUID.randomUUID();
        UUID othersPrivate = UUID.randomUUID();
        UUID ownOpen = UUID.randomUUID();
        events.experience(experience);
        events.sessionState(othersOpen, header(othersOpen, other, "Moving our Spring Boot app to JDK 21", "open"));
        events.sessionState(othersClosed, header(othersClosed, other, "Spring Boot upgrade to Java 21", "closed"));
        events.sessionState(othersPrivate, privateHeader(othersPrivate, other));
        events.sessionState(ownOpen, header(ownOpen, opener, "Spring Boot on Java 21, second try", "open"));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                matches(opener).body("matching_experiences.id", hasItem(experience.id().toString()))
                        .body("active_sessions.id", hasItem(othersOpen.toString())));
        matches(opener)
                .body("active_sessions.id", not(hasItem(othersClosed.toString())))
                .body("active_sessions.id", not(hasItem(othersPrivate.toString())))
                .body("active_sessions.id", not(hasItem(ownOpen.toString())))
                .body("active_sessions.find { it.id == '" + othersOpen + "' }.topic",
                        equalTo("Moving our Spring Boot app to JDK 21"))
                .body("active_sessions.find { it.id == '" + othersOpen + "' }.agent_id", equalTo(other.toString()))
                .body("matching_experiences[0].similarity", org.hamcrest.Matchers.greaterThan(0.3f));
    }

    @Test
    void shouldForgetASessionOnceItCloses() {
        UUID owner = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        events.sessionState(session, header(session, owner, "Shard a MongoDB collection by tenant id", "open"));
        Map<String, Object> request = request(UUID.randomUUID(), "Sharding MongoDB collections per tenant");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                post(request).body("active_sessions.id", hasItem(session.toString())));

        events.sessionState(session, header(session, owner, "Shard a MongoDB collection by tenant id", "closed"));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                post(request).body("active_sessions.id", not(hasItem(session.toString()))));
    }

    @Test
    void shouldShowTheOpenerTheirOwnPrivateExperiences() {
        UUID opener = UUID.randomUUID();
        ExperienceState own = Experiences.state(UUID.randomUUID(), opener, "Rotate HashiCorp Vault database "
                + "credentials without restarts", "security", List.of("vault"), "lease renewal via the Vault agent",
                "published", "private", 0.5);
        String topic = "Vault dynamic database secrets rotation";
        events.experience(own);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                post(request(opener, topic)).body("matching_experiences.id", hasItem(own.id().toString())));
        post(request(UUID.randomUUID(), topic)).body("matching_experiences.id", not(hasItem(own.id().toString())));
    }

    @Test
    void shouldRejectARequestWithoutTopicOrAgent() {
        for (Object body : List.of(Map.of("agent_id", UUID.randomUUID().toString()), Map.of("topic", "x"),
                Map.of("topic", "x", "agent_id", "not-a-uuid"))) {
            given().contentType(ContentType.JSON).body(body).post("/internal/sessions/matches").then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    private static ValidatableResponse matches(UUID opener) {
        return post(request(opener, TOPIC));
    }

    private static Map<String, Object> request(UUID opener, String topic) {
        return Map.of("topic", topic, "domain", "backend", "tools_used", List.of("spring-boot"),
                "agent_id", opener.toString());
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/internal/sessions/matches").then()
                .statusCode(200);
    }

    private static Map<String, Object> header(UUID id, UUID agent, String topic, String status) {
        Map<String, Object> header = new HashMap<>(privateHeader(id, agent));
        header.putAll(Map.of("topic", topic, "domain", "backend", "tools_used", List.of("spring-boot"),
                "visibility", "public", "status", status, "entry_count", 2));
        return header;
    }

    private static Map<String, Object> privateHeader(UUID id, UUID agent) {
        return Map.of("id", id.toString(), "short_id", Experiences.shortId(id), "agent_id", agent.toString(),
                "visibility", "private", "status", "open", "started_at", Instant.now().toString());
    }
}
