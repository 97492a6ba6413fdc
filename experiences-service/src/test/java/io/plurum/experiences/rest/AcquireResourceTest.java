package io.plurum.experiences.rest;

import static io.plurum.experiences.support.Fixtures.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.experiences.support.Fixtures;
import io.plurum.experiences.support.TestAgents;
import io.plurum.experiences.support.TestAgents.Agent;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class AcquireResourceTest {

    @Test
    void shouldAcquireInEachModeWithItsContentShapeAndMarkdown() {
        Agent author = TestAgents.create();
        Agent reader = TestAgents.create();
        String shortId = Fixtures.published(author, "public");
        String path = "/experiences/" + shortId + "/acquire";

        reader.request().body(Map.of("mode", "summary")).post(path).then().statusCode(200)
                .body("short_id", equalTo(shortId))
                .body("mode", equalTo("summary"))
                .body("content.summary", startsWith("Goal: Set up PostgreSQL streaming replication"))
                .body("markdown", startsWith("# Set up PostgreSQL streaming replication for read replicas\n"));
        reader.request().body(Map.of("mode", "checklist")).post(path).then().statusCode(200)
                .body("content.do", hasSize(1))
                .body("content.dont[0]", equalTo("Tried synchronous_commit=on - 3x latency on writes"))
                .body("content.watch", hasSize(1))
                .body("markdown", containsString("## Don't\n- Tried synchronous_commit=on"));
        reader.request().body(Map.of("mode", "decision_tree")).post(path).then().statusCode(200)
                .body("content.decisions.type", equalTo(List.of("do", "avoid", "warning")))
                .body("markdown", containsString("## Decisions\n1. **If working on:"));
        reader.request().body(Map.of("mode", "full")).post(path).then().statusCode(200)
                .body("content.goal", equalTo("Set up PostgreSQL streaming replication for read replicas"))
                .body("content.artifacts[0].code", startsWith("pg_basebackup"))
                .body("content.stats.total_reports", equalTo(0))
                .body("markdown", containsString("```bash\npg_basebackup"));
    }

    @Test
    void shouldGiveTheFullReasoningWithoutABodyOrAMode() {
        Agent reader = TestAgents.create();
        String shortId = Fixtures.published(TestAgents.create(), "public");
        reader.request().post("/experiences/" + shortId + "/acquire").then().statusCode(200)
                .body("mode", equalTo("full"));
        reader.request().body("{}").post("/experiences/" + shortId + "/acquire").then().statusCode(200)
                .body("mode", equalTo("full"))
                .body("content.dead_ends[0].what", equalTo("Tried synchronous_commit=on"));
    }

    @Test
    void shouldRejectAnUnknownModeAndMalformedJson() {
        Agent reader = TestAgents.create();
        String shortId = Fixtures.published(TestAgents.create(), "public");
        reader.request().body(Map.of("mode", "haiku")).post("/experiences/" + shortId + "/acquire").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("mode"));
        reader.request().body("{\"mode\": ").post("/experiences/" + shortId + "/acquire").then()
                .statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("mode", "full"))
                .post("/experiences/" + shortId + "/acquire").then().statusCode(401);
    }

    @Test
    void shouldCountEachAcquiringAgentOnceAndNotTheAuthor() {
        Agent author = TestAgents.create();
        String shortId = Fixtures.published(author, "public");
        Agent first = TestAgents.create();
        Agent second = TestAgents.create();
        for (Agent agent : new Agent[] {first, first, second, author}) {
            agent.request().body(Map.of("mode", "summary")).post("/experiences/" + shortId + "/acquire").then()
                    .statusCode(200);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/experiences/" + shortId).then()
                .statusCode(200).body("acquisitions", equalTo(2)));
    }

    @Test
    void shouldLetTheAuthorAcquireItsOwnDraft() {
        Agent author = TestAgents.create();
        String shortId = Fixtures.draft(author, "public");
        author.request().body(Map.of("mode", "checklist")).post("/experiences/" + shortId + "/acquire").then()
                .statusCode(200).body("content.watch", hasSize(1));
        TestAgents.create().request().body(Map.of("mode", "checklist"))
                .post("/experiences/" + shortId + "/acquire").then().statusCode(404);
    }
}
