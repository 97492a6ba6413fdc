package io.plurum.pulse.ws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.pulse.support.Db;
import io.plurum.pulse.support.FakeSessions;
import io.plurum.pulse.support.Sessions;
import io.plurum.pulse.support.Sessions.Session;
import io.plurum.pulse.support.TestAgents;
import io.plurum.pulse.support.TestAgents.Agent;
import io.plurum.pulse.support.WsClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A WebSocket client for every message of PULSE.md, against real Kafka and PostgreSQL. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeSessions.class, scope = TestResourceScope.GLOBAL)
class PulseSocketTest {

    @TestHTTPResource("/pulse/ws")
    URI socket;

    @BeforeEach
    void waitUntilThePushFeedFollowsTheTopics() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private WsClient connected(Agent agent) {
        WsClient client = WsClient.connect(socket, "token=" + agent.key());
        assertThat(client.next().get("type").asText()).isEqualTo("auth_ok");
        return client;
    }

    @Test
    void shouldAuthenticateWithTheTokenInTheQuery() {
        Agent agent = TestAgents.create();
        try (WsClient client = WsClient.connect(socket, "token=" + agent.key())) {
            JsonNode ok = client.next();
            assertThat(ok.get("type").asText()).isEqualTo("auth_ok");
            assertThat(ok.get("agent_id").asText()).isEqualTo(agent.id().toString());
        }
    }

    @Test
    void shouldAuthenticateWithAFirstAuthMessage() {
        Agent agent = TestAgents.create();
        try (WsClient client = WsClient.connect(socket, null)) {
            client.send(Map.of("type", "auth", "api_key", agent.key()));
            assertThat(client.next()).isEqualTo(json("{\"type\":\"auth_ok\",\"agent_id\":\"" + agent.id() + "\"}"));
            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void shouldAnswerMessagesSentRightAfterConnectingOnceAuthenticated() {
        Agent agent = TestAgents.create();
        try (WsClient client = WsClient.connect(socket, null)) {
            client.send(Map.of("type", "auth", "api_key", agent.key()));
            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("type").asText()).isEqualTo("auth_ok");
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void shouldRefuseABadTokenAndClose() {
        try (WsClient client = WsClient.connect(socket, "token=plrm_live_garbage")) {
            assertThat(client.next()).isEqualTo(json("{\"type\":\"error\",\"message\":\"Authentication failed\"}"));
            assertThat(client.awaitClosed()).isEqualTo((short) 4001);
        }
    }

    @Test
    void shouldAskToRetryWhenAnUnknownKeyCannotBeCheckedWithAgentsService() {
        try (WsClient client = WsClient.connect(socket, "token=" + ApiKeys.generate())) {
            assertThat(client.next().get("message").asText())
                    .isEqualTo("Authentication is unavailable right now; try again later");
            assertThat(client.awaitClosed()).isEqualTo((short) 1013);
        }
    }

    @Test
    void shouldRefuseAWrongKeyInTheAuthMessageAndClose() {
        try (WsClient client = WsClient.connect(socket, null)) {
            client.send(Map.of("type", "auth", "api_key", "plrm_live_nope"));
            assertThat(client.next().get("message").asText()).isEqualTo("Authentication failed");
            assertThat(client.awaitClosed()).isEqualTo((short) 4001);
        }
    }

    @Test
    void shouldRefuseAFirstMessageThatIsNotAuth() {
        try (WsClient client = WsClient.connect(socket, null)) {
            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("message").asText()).isEqualTo("Authentication failed");
            assertThat(client.awaitClosed()).isEqualTo((short) 4001);
        }
    }

    @Test
    void shouldCloseAConnectionThatDoesNotAuthenticateInTime() {
        try (WsClient client = WsClient.connect(socket, null)) {
            JsonNode error = client.next();
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("message").asText()).isEqualTo("Authentication timed out");
            assertThat(client.awaitClosed()).isEqualTo((short) 4008);
        }
    }

    @Test
    void shouldAnswerPing() {
        try (WsClient client = connected(TestAgents.create())) {
            client.send(Map.of("type", "ping"));
            assertThat(client.next()).isEqualTo(json("{\"type\":\"pong\"}"));
        }
    }

    @Test
    void shouldAnswerUnknownAndMalformedMessagesAndKeepTheConnection() {
        try (WsClient client = connected(TestAgents.create())) {
            client.send(Map.of("type", "dance"));
            assertThat(client.next().get("message").asText()).isEqualTo("Unknown message type: dance");
            client.sendText("{not json");
            assertThat(client.next().get("message").asText()).isEqualTo("Send a JSON object with a type");
            client.sendText("[1, 2]");
            assertThat(client.next().get("type").asText()).isEqualTo("error");
            client.send(Map.of("type", "auth", "api_key", "again"));
            assertThat(client.next().get("message").asText()).isEqualTo("Already authenticated");

            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void shouldPushSessionOpenedToInterestedAgents() throws InterruptedException {
        String tool = Sessions.unique("wstool");
        Agent listener = TestAgents.create();
        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(listener, "Earlier work", null, tool)).eventId());
        Agent opener = TestAgents.create();

        try (WsClient client = connected(listener); WsClient openerClient = connected(opener)) {
            Session session = Sessions.publicSession(opener, "Deploy FastAPI to AWS ECS", "deployment", tool);
            Sessions.opened(session);

            JsonNode pushed = client.next("session_opened");
            JsonNode data = pushed.get("data");
            assertThat(data.get("session_id").asText()).isEqualTo(session.id().toString());
            assertThat(data.get("short_id").asText()).isEqualTo(session.shortId());
            assertThat(data.get("agent_id").asText()).isEqualTo(opener.id().toString());
            assertThat(data.get("topic").asText()).isEqualTo("Deploy FastAPI to AWS ECS");
            assertThat(data.get("domain").asText()).isEqualTo("deployment");
            assertThat(data.get("tools_used")).extracting(JsonNode::asText).containsExactly(tool);
            assertThat(data.get("reason").asText()).isEqualTo("you worked on " + tool);
            openerClient.assertNothingWithin(Duration.ofMillis(500));
        }
    }

    @Test
    void shouldPushContributionReceivedToTheOwner() {
        Agent owner = TestAgents.create();
        Agent helper = TestAgents.create();
        Session session = Sessions.publicSession(owner, "Docker image size " + Sessions.unique("t"), null);
        Db.awaitProcessed(Sessions.opened(session).eventId());

        try (WsClient client = connected(owner)) {
            EventEnvelope contributed = Sessions.contributed(session, helper, "Use multi-stage builds", "warning");

            JsonNode data = client.next("contribution_received").get("data");
            assertThat(data.get("id").asText()).isEqualTo(contributed.data().get("id").asText());
            assertThat(data.get("session_id").asText()).isEqualTo(session.id().toString());
            assertThat(data.get("contributor_agent_id").asText()).isEqualTo(helper.id().toString());
            assertThat(data.at("/content/text").asText()).isEqualTo("Use multi-stage builds");
            assertThat(data.get("contribution_type").asText()).isEqualTo("warning");
            assertThat(data.get("created_at").asText()).endsWith("Z");
        }
    }

    @Test
    void shouldPushSessionClosedToContributors() {
        Agent owner = TestAgents.create();
        Agent helper = TestAgents.create();
        Session session = Sessions.publicSession(owner, "Redis clustering " + Sessions.unique("t"), null);
        Db.awaitProcessed(Sessions.opened(session).eventId());
        Db.awaitProcessed(Sessions.contributed(session, helper, "Mind 7.2", "warning").eventId());

        try (WsClient client = connected(helper)) {
            Sessions.closed(session, "success");

            JsonNode data = client.next("session_closed").get("data");
            assertThat(data.get("session_id").asText()).isEqualTo(session.id().toString());
            assertThat(data.get("agent_id").asText()).isEqualTo(owner.id().toString());
            assertThat(data.get("outcome").asText()).isEqualTo("success");
            assertThat(data.get("reason").asText()).isEqualTo("you contributed to this session");
        }
    }

    @Test
    void shouldForwardAContributionWithTheAgentsOwnKey() {
        Agent agent = TestAgents.create();
        String sessionId = UUID.randomUUID().toString();
        try (WsClient client = connected(agent)) {
            client.send(Map.of("type", "contribute", "session_id", sessionId,
                    "content", Map.of("text", "Have you tried replication slots?"), "contribution_type", "warning"));

            JsonNode ok = client.next();
            assertThat(ok.get("type").asText()).isEqualTo("contribute_ok");
            assertThat(ok.at("/data/session_id").asText()).isEqualTo(sessionId);
            assertThat(ok.at("/data/content/text").asText()).isEqualTo("Have you tried replication slots?");
            assertThat(ok.at("/data/contribution_type").asText()).isEqualTo("warning");
            assertThat(ok.at("/data/id").asText()).hasSize(36);
        }

        JsonPath forwarded = captured(sessionId);
        assertThat(forwarded.getString("method")).isEqualTo("POST");
        assertThat(forwarded.getString("path")).isEqualTo("/sessions/" + sessionId + "/contribute");
        assertThat(forwarded.getString("authorization")).isEqualTo("Bearer " + agent.key());
        assertThat(forwarded.getString("body.content.text")).isEqualTo("Have you tried replication slots?");
        assertThat(forwarded.getString("body.contribution_type")).isEqualTo("warning");
    }

    @Test
    void shouldTakeAPlainStringAsTheContributionsTextAndLeaveTheTypeToSessions() {
        Agent agent = TestAgents.create();
        String shortId = "Ab3xKp9z";
        try (WsClient client = connected(agent)) {
            client.send(Map.of("type", "contribute", "session_id", shortId, "content", "Check max_wal_size"));

            JsonNode ok = client.next();
            assertThat(ok.get("type").asText()).isEqualTo("contribute_ok");
            assertThat(ok.at("/data/contribution_type").asText()).isEqualTo("suggestion");
        }
        JsonPath forwarded = captured(shortId);
        assertThat(forwarded.getString("body.content.text")).isEqualTo("Check max_wal_size");
        assertThat(forwarded.getMap("body")).doesNotContainKey("contribution_type");
    }

    @Test
    void shouldReportARefusedContributionAndKeepTheConnection() {
        try (WsClient client = connected(TestAgents.create())) {
            client.send(Map.of("type", "contribute", "session_id", FakeSessions.MISSING,
                    "content", Map.of("text", "hello")));
            assertThat(client.next()).isEqualTo(json("{\"type\":\"error\",\"message\":\"No such session.\"}"));

            client.send(Map.of("type", "contribute", "session_id", "../agents/me", "content", Map.of("text", "x")));
            assertThat(client.next().get("message").asText()).isEqualTo("No such session.");

            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void shouldRejectAContributionWithoutSessionOrContent() {
        try (WsClient client = connected(TestAgents.create())) {
            client.send(Map.of("type", "contribute", "content", Map.of("text", "hello")));
            assertThat(client.next().get("message").asText()).isEqualTo("Missing session_id or content");
            client.send(Map.of("type", "contribute", "session_id", "Ab3xKp9z"));
            assertThat(client.next().get("message").asText()).isEqualTo("Missing session_id or content");
            client.send(Map.of("type", "contribute", "session_id", "Ab3xKp9z", "content", "  "));
            assertThat(client.next().get("message").asText()).isEqualTo("Missing session_id or content");
        }
    }

    @Test
    void shouldCloseTheConnectionsOfARotatedKey() {
        Agent agent = TestAgents.create();
        try (WsClient first = connected(agent); WsClient second = connected(agent)) {
            long rotatedAt = System.nanoTime();
            agent.rotateKeyAway();

            assertThat(first.next("error").get("message").asText()).isEqualTo("The API key is no longer valid");
            assertThat(first.awaitClosed()).isEqualTo((short) 4001);
            assertThat(second.awaitClosed()).isEqualTo((short) 4001);
            assertThat(Duration.ofNanos(System.nanoTime() - rotatedAt)).isLessThan(Duration.ofSeconds(2));
        }
        try (WsClient again = WsClient.connect(socket, "token=" + agent.key())) {
            assertThat(again.next().get("message").asText()).isEqualTo("Authentication failed");
        }
    }

    /** The request the fake sessions-service received for {@code sessionId}. */
    private static JsonPath captured(String sessionId) {
        String base = ConfigProvider.getConfig().getValue(FakeSessions.URL_PROPERTY, String.class);
        List<Map<String, Object>> all = given().baseUri(base).get("/_captured").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> request = all.stream()
                .filter(r -> String.valueOf(r.get("path")).contains("/" + sessionId + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("nothing forwarded for " + sessionId));
        return JsonPath.from(Json.write(request));
    }

    private static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }
}
