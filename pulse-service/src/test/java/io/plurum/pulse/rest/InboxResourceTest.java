package io.plurum.pulse.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.pulse.support.Db;
import io.plurum.pulse.support.FakeSessions;
import io.plurum.pulse.support.Inboxes;
import io.plurum.pulse.support.Sessions;
import io.plurum.pulse.support.Sessions.Session;
import io.plurum.pulse.support.TestAgents;
import io.plurum.pulse.support.TestAgents.Agent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeSessions.class, scope = TestResourceScope.GLOBAL)
class InboxResourceTest {

    /** An owner with three contributions in its inbox, newest first. */
    private record Filled(Agent owner, List<String> ids) {
    }

    private static Filled ownerWithThreeContributions() {
        Agent owner = TestAgents.create();
        Agent helper = TestAgents.create();
        Session session = Sessions.publicSession(owner, "Inbox " + Sessions.unique("topic"), null);
        Db.awaitProcessed(Sessions.opened(session).eventId());
        for (String text : List.of("first", "second", "third")) {
            Db.awaitProcessed(Sessions.contributed(session, helper, text, "suggestion").eventId());
        }
        List<JsonNode> events = Inboxes.awaitEvents(owner, 3);
        assertThat(events).extracting(e -> e.at("/event_data/content/text").asText())
                .containsExactly("third", "second", "first");
        return new Filled(owner, events.stream().map(e -> e.get("id").asText()).toList());
    }

    @Test
    void shouldShowAnEmptyInbox() {
        TestAgents.create().request().get("/pulse/inbox").then().statusCode(200).contentType(ContentType.JSON)
                .body("has_activity", equalTo(false))
                .body("events", empty())
                .body("unread_count", equalTo(0))
                .body("next_cursor", nullValue());
    }

    @Test
    void shouldPageNewestFirst() {
        Filled filled = ownerWithThreeContributions();

        String cursor = filled.owner().request().get("/pulse/inbox?limit=2").then().statusCode(200)
                .body("has_activity", equalTo(true))
                .body("unread_count", equalTo(3))
                .body("events.id", contains(filled.ids().get(0), filled.ids().get(1)))
                .body("next_cursor", notNullValue())
                .extract().path("next_cursor");

        filled.owner().request().queryParam("limit", 2).queryParam("cursor", cursor).get("/pulse/inbox").then()
                .statusCode(200)
                .body("events.id", contains(filled.ids().get(2)))
                .body("next_cursor", nullValue());
    }

    @Test
    void shouldMarkEventsReadById() {
        Filled filled = ownerWithThreeContributions();

        filled.owner().request().body(Map.of("event_ids", List.of(filled.ids().get(0))))
                .post("/pulse/inbox/mark-read").then().statusCode(200)
                .body("marked", equalTo(1))
                .body("unread_count", equalTo(2));
        filled.owner().request().body(Map.of("event_ids", List.of(filled.ids().get(0))))
                .post("/pulse/inbox/mark-read").then().statusCode(200)
                .body("marked", equalTo(0))
                .body("unread_count", equalTo(2));

        filled.owner().request().get("/pulse/inbox").then().statusCode(200)
                .body("events.id", contains(filled.ids().get(1), filled.ids().get(2)));
        filled.owner().request().get("/pulse/inbox?unread_only=false").then().statusCode(200)
                .body("events.id", contains(filled.ids().toArray()))
                .body("events.is_read", contains(true, false, false));
    }

    @Test
    void shouldMarkAllRead() {
        Filled filled = ownerWithThreeContributions();

        filled.owner().request().body(Map.of("mark_all", true)).post("/pulse/inbox/mark-read").then()
                .statusCode(200)
                .body("marked", equalTo(3))
                .body("unread_count", equalTo(0));

        filled.owner().request().get("/pulse/inbox").then().statusCode(200)
                .body("has_activity", equalTo(false))
                .body("events", empty());
        filled.owner().request().get("/pulse/inbox?unread_only=false").then().statusCode(200)
                .body("events", hasSize(3))
                .body("events.is_read", contains(true, true, true));
    }

    @Test
    void shouldNeitherMarkNorRevealAnotherAgentsEvents() {
        Filled filled = ownerWithThreeContributions();
        Agent stranger = TestAgents.create();

        stranger.request().body(Map.of("event_ids", filled.ids())).post("/pulse/inbox/mark-read").then()
                .statusCode(200)
                .body("marked", equalTo(0))
                .body("unread_count", equalTo(0));

        filled.owner().request().get("/pulse/inbox").then().statusCode(200).body("unread_count", equalTo(3));
        stranger.request().get("/pulse/inbox?unread_only=false").then().statusCode(200).body("events", empty());
    }

    @Test
    void shouldIgnoreUnknownIds() {
        Agent agent = TestAgents.create();
        agent.request().body(Map.of("event_ids", List.of(UUID.randomUUID()))).post("/pulse/inbox/mark-read").then()
                .statusCode(200)
                .body("marked", equalTo(0));
    }

    @Test
    void shouldRejectAMarkReadThatNamesNothing() {
        Agent agent = TestAgents.create();
        agent.request().body(Map.of()).post("/pulse/inbox/mark-read").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("event_ids"));
        agent.request().body(Map.of("mark_all", false)).post("/pulse/inbox/mark-read").then().statusCode(400);
        agent.request().post("/pulse/inbox/mark-read").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectMalformedIds() {
        Agent agent = TestAgents.create();
        agent.request().body(Map.of("event_ids", List.of("not-an-id"))).post("/pulse/inbox/mark-read").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("event_ids[0]"));
        agent.request().body("{\"event_ids\": ").post("/pulse/inbox/mark-read").then().statusCode(400);
    }

    @Test
    void shouldRejectBadQueryParameters() {
        Agent agent = TestAgents.create();
        for (String limit : List.of("0", "101", "ten", "-1")) {
            agent.request().get("/pulse/inbox?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        agent.request().get("/pulse/inbox?limit=100").then().statusCode(200);
        agent.request().get("/pulse/inbox?unread_only=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("unread_only"));
        agent.request().get("/pulse/inbox?cursor=garbage").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void shouldRequireAValidKey() {
        given().get("/pulse/inbox").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("plrm_live_not-a-key").get("/pulse/inbox").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("mark_all", true)).post("/pulse/inbox/mark-read").then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseARotatedKey() {
        Agent agent = TestAgents.create();
        agent.rotateKeyAway();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> agent.request().get("/pulse/inbox").statusCode() == 401);
    }
}
