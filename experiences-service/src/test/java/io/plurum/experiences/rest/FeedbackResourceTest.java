package io.plurum.experiences.rest;

import static io.plurum.experiences.support.Fixtures.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.experiences.support.Fixtures;
import io.plurum.experiences.support.TestAgents;
import io.plurum.experiences.support.TestAgents.Agent;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class FeedbackResourceTest {

    @Test
    void shouldRecordAnOutcomeOnceAndRefuseTheSecond() {
        String shortId = Fixtures.published(TestAgents.create(), "public");
        Agent reporter = TestAgents.create();
        reporter.request().body(Map.of("success", false, "execution_time_ms", 45000,
                        "error_message", "Replication slot not created", "context_notes", "PostgreSQL 15 on Docker"))
                .post("/experiences/" + shortId + "/outcome").then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("agent_id", equalTo(reporter.id().toString()))
                .body("success", equalTo(false))
                .body("execution_time_ms", equalTo(45000))
                .body("error_message", equalTo("Replication slot not created"))
                .body("context_notes", equalTo("PostgreSQL 15 on Docker"))
                .body("acquired_before", equalTo(false))
                .body("counted", equalTo(true));
        reporter.request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome").then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("already reported"));
        given().get("/experiences/" + shortId).then().body("total_reports", equalTo(1))
                .body("failure_count", equalTo(1));
    }

    @Test
    void shouldRejectBadOutcomes() {
        String shortId = Fixtures.published(TestAgents.create(), "public");
        Agent reporter = TestAgents.create();
        String path = "/experiences/" + shortId + "/outcome";
        reporter.request().body(Map.of("execution_time_ms", 10)).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("success"));
        reporter.request().body(Map.of("success", "maybe")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("success"));
        reporter.request().body(Map.of("success", true, "execution_time_ms", -1)).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("execution_time_ms"));
        reporter.request().body("{\"success\": tru").post(path).then().statusCode(400)
                .body("detail", containsString("not valid JSON"));
        reporter.request().post(path).then().statusCode(400);
        given().contentType("application/json").body(Map.of("success", true)).post(path).then().statusCode(401);
        given().get("/experiences/" + shortId).then().body("total_reports", equalTo(0));
    }

    @Test
    void shouldTellWhetherTheReporterAcquiredTheExperienceFirst() {
        String shortId = Fixtures.published(TestAgents.create(), "public");
        Agent acquirer = TestAgents.create();
        acquirer.request().body(Map.of("mode", "checklist")).post("/experiences/" + shortId + "/acquire").then()
                .statusCode(200);
        acquirer.request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome").then()
                .statusCode(201).body("acquired_before", equalTo(true));
        TestAgents.create().request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome")
                .then().statusCode(201).body("acquired_before", equalTo(false));
        given().get("/experiences/" + shortId).then().body("total_reports", equalTo(2))
                .body("acquired_reports", equalTo(1));
    }

    @Test
    void shouldScoreOutcomesAndShowTheTrendOfTheLastTen() {
        String shortId = Fixtures.published(TestAgents.create(), "public");
        for (int i = 0; i < 12; i++) {
            // two early failures, then ten successes: the lifetime rate lags the recent one
            TestAgents.create().request().body(Map.of("success", i >= 2))
                    .post("/experiences/" + shortId + "/outcome").then().statusCode(201);
        }
        JsonPath experience = given().get("/experiences/" + shortId).then().statusCode(200).extract().jsonPath();
        assertThat(experience.getInt("total_reports")).isEqualTo(12);
        assertThat(experience.getInt("success_count")).isEqualTo(10);
        assertThat(experience.getInt("failure_count")).isEqualTo(2);
        assertThat(experience.getDouble("success_rate")).isCloseTo(10.0 / 12, within(1e-6));
        assertThat(experience.getDouble("recent_success_rate")).isEqualTo(1.0);
        assertThat(experience.getDouble("quality_score")).isCloseTo(0.5520, within(1e-3));
    }

    @Test
    void shouldKeepTheAuthorsOwnOutcomeAndVoteOutOfTheScore() {
        Agent author = TestAgents.create();
        String shortId = Fixtures.published(author, "public");
        author.request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome").then()
                .statusCode(201).body("counted", equalTo(false));
        author.request().body(Map.of("vote_type", "up")).post("/experiences/" + shortId + "/vote").then()
                .statusCode(200).body("counted", equalTo(false)).body("upvotes", equalTo(0));
        given().get("/experiences/" + shortId).then().body("total_reports", equalTo(0)).body("upvotes", equalTo(0))
                .body("quality_score", equalTo(0.0f)).body("recent_success_rate", nullValue());
        author.request().body(Map.of("success", false)).post("/experiences/" + shortId + "/outcome").then()
                .statusCode(409);
    }

    @Test
    void shouldCountOneReplaceableVotePerAgent() {
        String shortId = Fixtures.published(TestAgents.create(), "public");
        Agent voter = TestAgents.create();
        String path = "/experiences/" + shortId + "/vote";
        TestAgents.create().request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome")
                .then().statusCode(201);
        float unvoted = given().get("/experiences/" + shortId).then().extract().path("quality_score");

        float up = voter.request().body(Map.of("vote_type", "up")).post(path).then().statusCode(200)
                .body("short_id", equalTo(shortId)).body("vote_type", equalTo("up")).body("counted", equalTo(true))
                .body("upvotes", equalTo(1)).body("downvotes", equalTo(0)).extract().path("quality_score");
        voter.request().body(Map.of("vote_type", "up")).post(path).then().statusCode(200)
                .body("upvotes", equalTo(1));
        float down = voter.request().body(Map.of("vote_type", "down")).post(path).then().statusCode(200)
                .body("upvotes", equalTo(0)).body("downvotes", equalTo(1)).extract().path("quality_score");
        assertThat(up).isGreaterThan(unvoted);
        assertThat(down).isLessThan(unvoted);
        given().get("/experiences/" + shortId).then().body("upvotes", equalTo(0)).body("downvotes", equalTo(1));
    }

    @Test
    void shouldRejectBadVotes() {
        String shortId = Fixtures.published(TestAgents.create(), "public");
        Agent voter = TestAgents.create();
        String path = "/experiences/" + shortId + "/vote";
        voter.request().body(Map.of("vote_type", "sideways")).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("vote_type"));
        voter.request().body("{}").post(path).then().statusCode(400).body("errors[0].field", equalTo("vote_type"));
        voter.request().body("{\"vote_type\": [\"up\"]}").post(path).then().statusCode(400);
        given().contentType("application/json").body(Map.of("vote_type", "up")).post(path).then().statusCode(401);
    }
}
