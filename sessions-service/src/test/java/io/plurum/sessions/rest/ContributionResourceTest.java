package io.plurum.sessions.rest;

import static io.plurum.sessions.rest.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class ContributionResourceTest {

    private static final Map<String, Object> WARNING = Map.of(
            "content", Map.of("text", "Watch out for WAL disk space on the primary"),
            "contribution_type", "warning");

    @Test
    void shouldContributeToOpenPublicSessionOfAnotherAgent() {
        String id = Fixtures.openPublic(TestAgents.create());
        TestAgents.Agent helper = TestAgents.create();
        helper.request().body(WARNING).post("/sessions/" + id + "/contribute").then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("session_id", equalTo(id))
                .body("contributor_agent_id", equalTo(helper.id().toString()))
                .body("content.text", equalTo("Watch out for WAL disk space on the primary"))
                .body("contribution_type", equalTo("warning"))
                .body("created_at", matchesPattern("\\d{4}-.+Z"));
    }

    @Test
    void shouldTakeASuggestionByDefaultAndAcceptTheShortId() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPublic(owner);
        String shortId = owner.request().get("/sessions/" + id).path("short_id");
        TestAgents.create().request().body(Map.of("content", Map.of("text", "Try Patroni", "url", "ignored")))
                .post("/sessions/" + shortId + "/contribute").then()
                .statusCode(201)
                .body("session_id", equalTo(id))
                .body("contribution_type", equalTo("suggestion"))
                .body("content", equalTo(Map.of("text", "Try Patroni")));
    }

    @Test
    void shouldLetTheOwnerContributeToOwnPrivateSession() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPrivate(owner);
        owner.request().body(WARNING).post("/sessions/" + id + "/contribute").then().statusCode(201);
        owner.request().get("/sessions/" + id + "/contributions").then()
                .statusCode(200)
                .body("contributions.contributor_agent_id", contains(owner.id().toString()));
    }

    @Test
    void shouldHidePrivateSessionOfAnotherAgentFromContributors() {
        String id = Fixtures.openPrivate(TestAgents.create());
        TestAgents.Agent other = TestAgents.create();
        other.request().body(WARNING).post("/sessions/" + id + "/contribute").then()
                .statusCode(404)
                .contentType(PROBLEM);
        other.request().get("/sessions/" + id + "/contributions").then().statusCode(404);
    }

    @Test
    void shouldRejectContributionToClosedSession() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPublic(owner);
        Fixtures.close(owner, id, "success");
        TestAgents.create().request().body(WARNING).post("/sessions/" + id + "/contribute").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("closed"));
    }

    @Test
    void shouldRejectUnknownContributionTypeAndMissingText() {
        String id = Fixtures.openPublic(TestAgents.create());
        TestAgents.Agent helper = TestAgents.create();
        helper.request().body(Map.of("content", Map.of("text", "Hi"), "contribution_type", "praise"))
                .post("/sessions/" + id + "/contribute").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("contribution_type"));
        helper.request().body(Map.of("content", Map.of("note", "Hi")))
                .post("/sessions/" + id + "/contribute").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content.text"));
        helper.request().body(Map.of("contribution_type", "warning"))
                .post("/sessions/" + id + "/contribute").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"));
        helper.request().body("{\"content\": {\"text\": \"Hi\"").post("/sessions/" + id + "/contribute").then()
                .statusCode(400);
    }

    @Test
    void shouldRejectContributionOver64KibWith413() {
        String id = Fixtures.openPublic(TestAgents.create());
        TestAgents.create().request().body(Map.of("content", Map.of("text", "z".repeat(70_000))))
                .post("/sessions/" + id + "/contribute").then()
                .statusCode(413)
                .contentType(PROBLEM);
    }

    @Test
    void shouldListContributionsOfPublicSessionToAnyAgentOldestFirst() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPublic(owner);
        owner.request().get("/sessions/" + id + "/contributions").then()
                .statusCode(200)
                .body("contributions", empty());
        TestAgents.Agent first = TestAgents.create();
        TestAgents.Agent second = TestAgents.create();
        first.request().body(Map.of("content", Map.of("text", "one"))).post("/sessions/" + id + "/contribute")
                .then().statusCode(201);
        second.request().body(Map.of("content", Map.of("text", "two"), "contribution_type", "reference"))
                .post("/sessions/" + id + "/contribute").then().statusCode(201);
        TestAgents.create().request().get("/sessions/" + id + "/contributions").then()
                .statusCode(200)
                .body("contributions.content.text", contains("one", "two"))
                .body("contributions.contribution_type", contains("suggestion", "reference"))
                .body("contributions.contributor_agent_id", contains(first.id().toString(),
                        second.id().toString()));
    }
}
