package io.plurum.search.rest;

import static io.plurum.search.Experiences.published;
import static io.plurum.search.Experiences.state;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.testing.OpenApiKeys;
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
class SearchResourceTest {

    private static final Duration FRESHNESS = Duration.ofSeconds(1);
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
    void shouldFindAPublishedExperienceWithinOneSecondOfItsEvent() {
        ExperienceState experience = published(UUID.randomUUID(), "Speed up Gradle builds with the configuration "
                + "cache", "build-tools", List.of("gradle"),
                "enable org.gradle.configuration-cache in gradle.properties");

        events.experience(experience);

        await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                search(Map.of("query", "make my gradle build faster")).body("results.id", hasItem(experience.id()
                        .toString())));
        String found = "results.find { it.id == '" + experience.id() + "' }.";
        search(Map.of("query", "make my gradle build faster"))
                .body("query", equalTo("make my gradle build faster"))
                .body(found + "short_id", equalTo(experience.shortId()))
                .body(found + "agent_id", equalTo(experience.agentId().toString()))
                .body(found + "goal", equalTo(experience.goal()))
                .body(found + "domain", equalTo("build-tools"))
                .body(found + "tools_used", equalTo(List.of("gradle")))
                .body(found + "status", equalTo("published"))
                .body(found + "visibility", equalTo("public"))
                .body(found + "outcome", equalTo("success"))
                .body(found + "quality_score", equalTo(0.5f))
                .body(found + "success_rate", equalTo(1.0f))
                .body(found + "total_reports", equalTo(3))
                .body(found + "success_count", equalTo(3))
                .body(found + "failure_count", equalTo(0))
                .body(found + "upvotes", equalTo(1))
                .body(found + "downvotes", equalTo(0))
                .body(found + "created_at", org.hamcrest.Matchers.notNullValue())
                .body(found + "similarity", org.hamcrest.Matchers.greaterThan(0.3f))
                .body("total_found", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void shouldStopFindingAnExperienceAfterItsTombstone() {
        ExperienceState experience = published(UUID.randomUUID(), "Quarantine flaky Cypress end-to-end tests",
                "testing", List.of("cypress"), "tag flaky specs and run them in a separate non-blocking job");
        events.experience(experience);
        awaitFound("isolate unreliable cypress e2e tests", experience);

        events.tombstone(experience.id());

        await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                search(Map.of("query", "isolate unreliable cypress e2e tests"))
                        .body("results.id", not(hasItem(experience.id().toString()))));
    }

    @Test
    void shouldShowAPrivateExperienceOnlyToItsAuthorsKey() {
        UUID author = UUID.randomUUID();
        String authorKey = events.credential(author);
        String otherKey = events.credential(UUID.randomUUID());
        ExperienceState secret = state(UUID.randomUUID(), author, "Tune Terraform state locking on our S3 backend",
                "infrastructure", List.of("terraform"), "DynamoDB lock table needs a LockID string key",
                "published", "private", 0.5);
        events.experience(secret);
        String query = "terraform state lock dynamodb";

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                given().auth().oauth2(authorKey).contentType(ContentType.JSON).body(Map.of("query", query))
                        .post("/experiences/search").then().statusCode(200)
                        .body("results.id", hasItem(secret.id().toString())));
        given().auth().oauth2(otherKey).contentType(ContentType.JSON).body(Map.of("query", query))
                .post("/experiences/search").then().statusCode(200)
                .body("results.id", not(hasItem(secret.id().toString())));
        search(Map.of("query", query)).body("results.id", not(hasItem(secret.id().toString())));
        given().get("/experiences/" + secret.shortId() + "/similar").then().statusCode(404);
    }

    @Test
    void shouldNeverFindADraft() {
        ExperienceState draft = state(UUID.randomUUID(), UUID.randomUUID(), "Draft about Ansible vault passwords",
                "infrastructure", List.of("ansible"), "vault-id per environment", "draft", "public", 0.5);
        ExperienceState marker = published(UUID.randomUUID(), "Ansible vault password files per environment",
                "infrastructure", List.of("ansible"), "use --vault-id dev@prompt for each environment");
        events.experience(draft);
        events.experience(marker);

        awaitFound("ansible vault password per environment", marker);
        search(Map.of("query", "ansible vault password per environment"))
                .body("results.id", not(hasItem(draft.id().toString())));
    }

    @Test
    void shouldFilterByDomainAndMinimumQuality() {
        ExperienceState good = Experiences.withQuality(published(UUID.randomUUID(), "Debug memory leaks in Node.js "
                + "with heap snapshots", "backend", List.of("node"), "compare two heap snapshots in Chrome DevTools"),
                0.9);
        ExperienceState weak = published(UUID.randomUUID(), "Find a Node.js memory leak with clinic",
                "backend", List.of("node"), "clinic heapprofiler shows growing allocations");
        events.experience(good);
        events.experience(weak);
        awaitFound("node js memory leak heap", weak);

        search(Map.of("query", "node js memory leak heap", "min_quality", 0.8))
                .body("results.id", hasItem(good.id().toString()))
                .body("results.id", not(hasItem(weak.id().toString())));
        search(Map.of("query", "node js memory leak heap", "domain", "frontend"))
                .body("results.id", not(hasItem(good.id().toString())));
    }

    @Test
    void shouldListSimilarExperiencesWithoutTheExperienceItself() {
        ExperienceState origin = published(UUID.randomUUID(), "Reduce Docker image size with multi-stage builds",
                "containers", List.of("docker"), "copy only the built artifact into a distroless final stage");
        ExperienceState neighbour = published(UUID.randomUUID(), "Make container images smaller",
                "containers", List.of("docker"), "alpine base images and a multi-stage Dockerfile");
        events.experience(origin);
        events.experience(neighbour);
        awaitFound("make container images smaller", neighbour);
        awaitFound("docker multi-stage image size", origin);

        for (String identifier : List.of(origin.id().toString(), origin.shortId())) {
            given().get("/experiences/" + identifier + "/similar?limit=3").then().statusCode(200)
                    .body("results.id", hasItem(neighbour.id().toString()))
                    .body("results.id", not(hasItem(origin.id().toString())))
                    .body("results.size()", org.hamcrest.Matchers.lessThanOrEqualTo(3));
        }
    }

    @Test
    void shouldAnswer404ForSimilarOfAnUnknownExperience() {
        given().get("/experiences/" + UUID.randomUUID() + "/similar").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/experiences/zzzzzzzz/similar").then().statusCode(404);
    }

    @Test
    void shouldRejectBadSearchRequestsWithProblemDetails() {
        for (Object body : List.of(Map.of(), Map.of("query", " "), Map.of("query", "x", "limit", 0),
                Map.of("query", "x", "limit", 51), Map.of("query", "x", "min_quality", 1.5),
                Map.of("query", "x", "limit", "ten"), Map.of("query", "x", "tools", "docker"))) {
            given().contentType(ContentType.JSON).body(body).post("/experiences/search").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
        given().contentType(ContentType.JSON).body("{\"query\": ").post("/experiences/search").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/experiences/search").then().statusCode(400);
        given().get("/experiences/" + UUID.randomUUID() + "/similar?limit=0").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/experiences/" + UUID.randomUUID() + "/similar?limit=21").then().statusCode(400);
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        given().contentType(ContentType.JSON).body(Map.of("query", "x", "limit", 99)).post("/experiences/search")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
    }

    private static void awaitFound(String query, ExperienceState experience) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                search(Map.of("query", query, "limit", 50)).body("results.id", hasItem(experience.id().toString())));
    }

    private static ValidatableResponse search(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/experiences/search").then().statusCode(200);
    }

    @Test
    void shouldDocumentWhichOperationsNeedAKey() {
        OpenApiKeys.assertDocumented(SearchResource.class);
    }
}
