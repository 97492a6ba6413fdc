package io.plurum.sessions.rest;

import static io.plurum.sessions.rest.Fixtures.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.platform.testing.OpenApiKeys;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class SessionResourceTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @Test
    void shouldOpenPublicSessionAndAnswerDegradedMatchesWhileSearchIsAway() {
        TestAgents.Agent agent = TestAgents.create();
        agent.request()
                .body(Map.of("topic", "Set up PostgreSQL replication", "domain", "infrastructure",
                        "tools_used", List.of("postgresql", " docker ", "postgresql", "")))
                .post("/sessions").then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("session.id", matchesPattern(UUID_PATTERN))
                .body("session.short_id", matchesPattern("[A-Za-z0-9]{8}"))
                .body("session.agent_id", equalTo(agent.id().toString()))
                .body("session.topic", equalTo("Set up PostgreSQL replication"))
                .body("session.domain", equalTo("infrastructure"))
                .body("session.tools_used", contains("postgresql", "docker"))
                .body("session.visibility", equalTo("public"))
                .body("session.status", equalTo("open"))
                .body("session.outcome", nullValue())
                .body("session.started_at", matchesPattern(TIMESTAMP))
                .body("session.closed_at", nullValue())
                .body("session.entry_count", equalTo(0))
                .body("session.experience_id", nullValue())
                .body("session.experience_short_id", nullValue())
                .body("matching_experiences", empty())
                .body("active_sessions", empty())
                .body("matching_degraded", equalTo(true));
    }

    @Test
    void shouldOpenPrivateSessionWithOnlyATopic() {
        TestAgents.Agent agent = TestAgents.create();
        agent.request().body(Map.of("topic", "Rotate our internal certificates", "visibility", "private"))
                .post("/sessions").then()
                .statusCode(201)
                .body("session.visibility", equalTo("private"))
                .body("session.domain", nullValue())
                .body("session.tools_used", empty());
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenOpening() {
        TestAgents.create().request().body(Map.of("topic", "Tune the JVM", "mood", "curious"))
                .post("/sessions").then().statusCode(201);
    }

    @Test
    void shouldRejectOpeningWithoutTopic() {
        TestAgents.create().request().body(Map.of("domain", "infrastructure")).post("/sessions").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("topic"));
        TestAgents.create().request().body(Map.of("topic", "   ")).post("/sessions").then()
                .statusCode(400)
                .body("errors.field", contains("topic"));
    }

    @Test
    void shouldRejectOpeningWithMalformedJson() {
        TestAgents.create().request().body("{\"topic\": \"Tune the JVM\",").post("/sessions").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldRejectOpeningWithoutBody() {
        TestAgents.create().request().post("/sessions").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldRejectUnknownVisibility() {
        TestAgents.create().request().body(Map.of("topic", "Tune the JVM", "visibility", "team"))
                .post("/sessions").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("visibility"))
                .body("errors[0].message", equalTo("must be public or private"));
    }

    @Test
    void shouldRejectToolsUsedThatIsNotAList() {
        TestAgents.create().request().body(Map.of("topic", "Tune the JVM", "tools_used", Map.of("a", 1)))
                .post("/sessions").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tools_used"));
    }

    @Test
    void shouldRejectTooLongTopic() {
        TestAgents.create().request().body(Map.of("topic", "t".repeat(1001))).post("/sessions").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("topic"));
    }

    @Test
    void shouldRejectBodyOverOneMebibyteWith413() {
        TestAgents.create().request().body(Map.of("topic", "x".repeat(1_100_000))).post("/sessions").then()
                .statusCode(413)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRequireAKey() {
        given().contentType(ContentType.JSON).body(Map.of("topic", "Tune the JVM")).post("/sessions").then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().get("/sessions").then().statusCode(401);
    }

    @Test
    void shouldListOwnSessionsNewestFirstPageByPage() {
        TestAgents.Agent agent = TestAgents.create();
        Fixtures.openPublic(TestAgents.create());
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(i % 2 == 0 ? Fixtures.openPublic(agent) : Fixtures.openPrivate(agent));
        }
        List<String> listed = new ArrayList<>();
        String cursor = null;
        List<Integer> pageSizes = new ArrayList<>();
        do {
            Response page = agent.request().queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/sessions");
            page.then().statusCode(200);
            List<String> ids = page.path("sessions.id");
            listed.addAll(ids);
            pageSizes.add(ids.size());
            cursor = page.path("next_cursor");
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(listed).containsExactlyElementsOf(opened.reversed());
    }

    @Test
    void shouldListTwentySessionsByDefault() {
        TestAgents.Agent agent = TestAgents.create();
        for (int i = 0; i < 21; i++) {
            Fixtures.openPublic(agent);
        }
        agent.request().get("/sessions").then()
                .statusCode(200)
                .body("sessions", hasSize(20))
                .body("next_cursor", notNullValue());
    }

    @Test
    void shouldFilterOwnSessionsByStatus() {
        TestAgents.Agent agent = TestAgents.create();
        String open = Fixtures.openPublic(agent);
        String closed = Fixtures.openPublic(agent);
        String abandoned = Fixtures.openPublic(agent);
        Fixtures.close(agent, closed, "success");
        agent.request().post("/sessions/" + abandoned + "/abandon").then().statusCode(200);

        agent.request().get("/sessions?status=open").then().statusCode(200)
                .body("sessions.id", contains(open)).body("next_cursor", nullValue());
        agent.request().get("/sessions?status=closed").then().statusCode(200)
                .body("sessions.id", contains(closed))
                .body("sessions[0].outcome", equalTo("success"));
        agent.request().get("/sessions?status=abandoned").then().statusCode(200)
                .body("sessions.id", contains(abandoned));
    }

    @Test
    void shouldRejectLimitOutOfRange() {
        TestAgents.Agent agent = TestAgents.create();
        for (String limit : new String[] {"0", "101", "-1", "ten"}) {
            agent.request().get("/sessions?limit=" + limit).then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("limit"));
        }
        agent.request().get("/sessions?limit=100").then().statusCode(200);
    }

    @Test
    void shouldRejectUnknownStatusAndForgedCursor() {
        TestAgents.Agent agent = TestAgents.create();
        agent.request().get("/sessions?status=paused").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        agent.request().get("/sessions?cursor=not-a-cursor").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldGetOwnSessionByIdAndByShortIdWithEntriesInOrder() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPrivate(agent);
        Fixtures.log(agent, id, "dead_end", Map.of("what", "Synchronous commit", "why", "Too slow"));
        Fixtures.log(agent, id, "note", Map.of("text", "Trying async next"));
        String shortId = agent.request().get("/sessions/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("visibility", equalTo("private"))
                .body("entry_count", equalTo(2))
                .body("entries.entry_type", contains("dead_end", "note"))
                .body("entries[0].session_id", equalTo(id))
                .body("entries[0].content.what", equalTo("Synchronous commit"))
                .body("entries[1].created_at", matchesPattern(TIMESTAMP))
                .extract().path("short_id");
        agent.request().get("/sessions/" + shortId).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("entries", hasSize(2));
    }

    @Test
    void shouldShowPublicSessionOfAnotherAgentWithItsEntries() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPublic(owner);
        Fixtures.log(owner, id, "gotcha", Map.of("warning", "WAL fills the disk"));
        TestAgents.create().request().get("/sessions/" + id).then()
                .statusCode(200)
                .body("agent_id", equalTo(owner.id().toString()))
                .body("entries[0].content.warning", equalTo("WAL fills the disk"));
    }

    @Test
    void shouldHidePrivateSessionOfAnotherAgent() {
        TestAgents.Agent owner = TestAgents.create();
        String id = Fixtures.openPrivate(owner);
        String shortId = owner.request().get("/sessions/" + id).path("short_id");
        TestAgents.Agent other = TestAgents.create();
        other.request().get("/sessions/" + id).then().statusCode(404).contentType(PROBLEM);
        other.request().get("/sessions/" + shortId).then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForUnknownIdentifiers() {
        TestAgents.Agent agent = TestAgents.create();
        for (String unknown : new String[] {"6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11", "Zz9Yy8Xx", "nonsense!", "123"}) {
            agent.request().get("/sessions/" + unknown).then().statusCode(404).contentType(PROBLEM);
        }
    }

    @Test
    void shouldUpdateFieldsOfOpenSession() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPrivate(agent);
        agent.request().body(Map.of("topic", "Set up logical replication", "tools_used", List.of("pglogical"),
                        "visibility", "public"))
                .patch("/sessions/" + id).then()
                .statusCode(200)
                .body("topic", equalTo("Set up logical replication"))
                .body("domain", equalTo("infrastructure"))
                .body("tools_used", contains("pglogical"))
                .body("visibility", equalTo("public"));
        agent.request().body(Map.of("domain", "")).patch("/sessions/" + id).then()
                .statusCode(200)
                .body("domain", nullValue())
                .body("topic", equalTo("Set up logical replication"));
    }

    @Test
    void shouldRejectBlankTopicAndUnknownVisibilityInPatch() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("topic", " ", "visibility", "everyone")).patch("/sessions/" + id).then()
                .statusCode(400)
                .body("errors.field", contains("topic", "visibility"));
        agent.request().body("{\"topic\": ").patch("/sessions/" + id).then().statusCode(400);
    }

    @Test
    void shouldForbidUpdatingPublicSessionOfAnotherAgent() {
        String id = Fixtures.openPublic(TestAgents.create());
        TestAgents.create().request().body(Map.of("topic", "Mine now")).patch("/sessions/" + id).then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    @Test
    void shouldHidePrivateSessionOfAnotherAgentFromUpdates() {
        String id = Fixtures.openPrivate(TestAgents.create());
        TestAgents.create().request().body(Map.of("topic", "Mine now")).patch("/sessions/" + id).then()
                .statusCode(404);
    }

    @Test
    void shouldRejectUpdatingClosedSession() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.close(agent, id, "partial");
        agent.request().body(Map.of("topic", "Too late")).patch("/sessions/" + id).then()
                .statusCode(409)
                .contentType(PROBLEM);
    }

    @Test
    void shouldCloseWithOutcome() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("outcome", "failure")).post("/sessions/" + id + "/close").then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("closed"))
                .body("outcome", equalTo("failure"))
                .body("closed_at", matchesPattern(TIMESTAMP));
    }

    @Test
    void shouldRejectSecondClose() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.close(agent, id, "success");
        agent.request().body(Map.of("outcome", "success")).post("/sessions/" + id + "/close").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("closed"));
    }

    @Test
    void shouldRejectClosingAbandonedSession() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().post("/sessions/" + id + "/abandon").then().statusCode(200);
        agent.request().body(Map.of("outcome", "success")).post("/sessions/" + id + "/close").then()
                .statusCode(409)
                .body("detail", containsString("abandoned"));
    }

    @Test
    void shouldRejectUnknownOrMissingOutcome() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("outcome", "great")).post("/sessions/" + id + "/close").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("outcome"))
                .body("errors[0].message", equalTo("must be success, partial or failure"));
        agent.request().body(Map.of()).post("/sessions/" + id + "/close").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        agent.request().post("/sessions/" + id + "/close").then().statusCode(400);
        agent.request().get("/sessions/" + id).then().body("status", equalTo("open"));
    }

    @Test
    void shouldForbidClosingSessionOfAnotherAgent() {
        String publicId = Fixtures.openPublic(TestAgents.create());
        String privateId = Fixtures.openPrivate(TestAgents.create());
        TestAgents.Agent other = TestAgents.create();
        other.request().body(Map.of("outcome", "success")).post("/sessions/" + publicId + "/close").then()
                .statusCode(403);
        other.request().body(Map.of("outcome", "success")).post("/sessions/" + privateId + "/close").then()
                .statusCode(404);
    }

    @Test
    void shouldAbandonWithOrWithoutAnEmptyJsonBody() {
        TestAgents.Agent agent = TestAgents.create();
        String first = Fixtures.openPublic(agent);
        String second = Fixtures.openPublic(agent);
        given().auth().oauth2(agent.key()).post("/sessions/" + first + "/abandon").then()
                .statusCode(200)
                .body("status", equalTo("abandoned"))
                .body("outcome", nullValue())
                .body("closed_at", matchesPattern(TIMESTAMP));
        agent.request().post("/sessions/" + second + "/abandon").then()
                .statusCode(200)
                .body("status", equalTo("abandoned"));
    }

    @Test
    void shouldRejectAbandoningSessionThatIsNotOpen() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.close(agent, id, "success");
        agent.request().post("/sessions/" + id + "/abandon").then().statusCode(409).contentType(PROBLEM);
        agent.request().get("/sessions?status=closed").then().body("sessions.id", hasItem(id));
    }

    @Test
    void shouldForbidAbandoningSessionOfAnotherAgent() {
        String publicId = Fixtures.openPublic(TestAgents.create());
        String privateId = Fixtures.openPrivate(TestAgents.create());
        TestAgents.Agent other = TestAgents.create();
        other.request().post("/sessions/" + publicId + "/abandon").then().statusCode(403);
        other.request().post("/sessions/" + privateId + "/abandon").then().statusCode(404);
    }

    @Test
    void shouldDocumentWhichOperationsNeedAKey() {
        OpenApiKeys.assertDocumented(SessionResource.class);
    }
}
