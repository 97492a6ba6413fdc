package io.plurum.pulse.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.platform.events.Topics;
import io.plurum.platform.testing.OpenApiKeys;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.pulse.support.Db;
import io.plurum.pulse.support.FakeSessions;
import io.plurum.pulse.support.Kafka;
import io.plurum.pulse.support.Sessions.Session;
import io.plurum.pulse.support.Sessions;
import io.plurum.pulse.support.TestAgents.Agent;
import io.plurum.pulse.support.TestAgents;
import io.plurum.pulse.support.WsClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeSessions.class, scope = TestResourceScope.GLOBAL)
class StatusResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TestHTTPResource("/pulse/ws")
    URI socket;

    private static JsonPath status() {
        return given().get("/pulse/status").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> sessionIds() {
        return status().getList("sessions.id");
    }

    @Test
    void shouldListOpenAndRecentlyClosedPublicSessionsWithoutAuthentication() {
        Agent agent = TestAgents.create();
        String tool = Sessions.unique("statustool");
        Session open = Sessions.publicSession(agent, "Set up PostgreSQL replication", "infrastructure", tool);
        Session closed = Sessions.publicSession(agent, "Closed one", null);
        Session hidden = Sessions.privateSession(agent, "Hidden one", null);
        Sessions.opened(open);
        Sessions.opened(closed);
        Sessions.closed(closed, "failure");
        Sessions.opened(hidden);

        await().atMost(WAIT).until(() -> sessionIds().containsAll(List.of(open.id().toString(),
                closed.id().toString())));
        JsonPath status = status();
        assertThat(sessionIds()).doesNotContain(hidden.id().toString());
        assertThat(status.getInt("active_sessions")).isPositive();
        String at = "sessions.find { it.id == '" + open.id() + "' }.";
        assertThat(status.getString(at + "short_id")).isEqualTo(open.shortId());
        assertThat(status.getString(at + "agent_id")).isEqualTo(agent.id().toString());
        assertThat(status.getString(at + "topic")).isEqualTo("Set up PostgreSQL replication");
        assertThat(status.getString(at + "domain")).isEqualTo("infrastructure");
        assertThat(status.getList(at + "tools_used")).containsExactly(tool);
        assertThat(status.getString(at + "status")).isEqualTo("open");
        assertThat(status.getString(at + "outcome")).isNull();
        assertThat(status.getString(at + "started_at")).endsWith("Z");
        assertThat(status.getString(at + "closed_at")).isNull();
        String closedAt = "sessions.find { it.id == '" + closed.id() + "' }.";
        assertThat(status.getString(closedAt + "status")).isEqualTo("closed");
        assertThat(status.getString(closedAt + "outcome")).isEqualTo("failure");
        assertThat(status.getString(closedAt + "closed_at")).endsWith("Z");
    }

    @Test
    void shouldForgetASessionWhoseStateIsTombstoned() {
        Session session = Sessions.publicSession(TestAgents.create(), "Soon gone", null);
        Sessions.opened(session);
        await().atMost(WAIT).until(() -> sessionIds().contains(session.id().toString()));

        Kafka.send(Topics.SESSION_STATE, session.id().toString(), null);

        await().atMost(WAIT).until(() -> !sessionIds().contains(session.id().toString()));
    }

    @Test
    void shouldCountAgentsConnectedToAnyReplica() {
        Agent connected = TestAgents.create();
        UUID elsewhere = UUID.randomUUID();
        UUID gone = UUID.randomUUID();

        try (WsClient client = WsClient.connect(socket, "token=" + connected.key())) {
            client.next("auth_ok");
            // Another replica is alive (for the whole test); a crashed one stopped an hour ago.
            Db.execute("insert into pulse_replica values ('other-replica', now() + interval '1 minute'), "
                    + "('crashed-replica', now() - interval '1 hour')");
            Db.execute("insert into presence values ('other-replica', $1), ('crashed-replica', $2)", elsewhere, gone);

            await().atMost(WAIT).until(() -> status().getList("agent_ids")
                    .containsAll(List.of(elsewhere.toString(), connected.id().toString())));
            JsonPath status = status();
            assertThat(status.getList("agent_ids")).doesNotContain(gone.toString());
            assertThat(status.getLong("connected_agents")).isGreaterThanOrEqualTo(2)
                    .isEqualTo(status.getList("agent_ids").size());
        }

        await().atMost(WAIT).until(() -> !status().getList("agent_ids").contains(connected.id().toString()));
        Db.execute("delete from pulse_replica where replica_id = 'other-replica'");
    }

    @Test
    void shouldDocumentWhichOperationsNeedAKey() {
        OpenApiKeys.assertDocumented(PulseResource.class);
    }
}
