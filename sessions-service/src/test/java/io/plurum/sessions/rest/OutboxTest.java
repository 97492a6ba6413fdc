package io.plurum.sessions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.Topics;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** Events are written with the change that causes them, or not at all, and reach Kafka in the order of the changes. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    private static final String REFUSED = "REFUSED-BY-THE-DATABASE";

    @Inject
    Pool database;

    @Test
    void shouldWriteTheEventsInTheTransactionOfTheChange() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        assertThat(outboxTopics(id)).containsExactly(Topics.SESSIONS.name(), Topics.SESSION_STATE.name());
        Fixtures.log(agent, id, "note", Map.of("text", "first"));
        assertThat(outboxTopics(id)).hasSize(4);
    }

    @Test
    void shouldWriteNoEventWhenTheTransactionFails() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        // The database refuses the entry at commit, after the service has written the event to the outbox.
        sql("create or replace function refuse_marked_entry() returns trigger language plpgsql as $$ begin "
                + "if new.content like '%" + REFUSED + "%' then raise exception 'refused for a test'; end if; "
                + "return new; end $$");
        sql("create trigger refuse_marked_entry before insert on session_entry for each row "
                + "execute function refuse_marked_entry()");
        try {
            agent.request().body(Map.of("entry_type", "note", "content", Map.of("text", REFUSED)))
                    .post("/sessions/" + id + "/entries").then()
                    .statusCode(500)
                    .contentType(Fixtures.PROBLEM);
        } finally {
            sql("drop trigger refuse_marked_entry on session_entry");
            sql("drop function refuse_marked_entry()");
        }
        assertThat(outboxTopics(id)).hasSize(2);
        agent.request().get("/sessions/" + id).then().body("entry_count", equalTo(0));
        Fixtures.log(agent, id, "note", Map.of("text", "accepted"));
        agent.request().get("/sessions/" + id).then().body("entry_count", equalTo(1));
    }

    @Test
    void shouldWriteNoEventForARefusedChange() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.close(agent, id, "success");
        int written = outboxTopics(id).size();
        agent.request().body(Map.of("outcome", "success")).post("/sessions/" + id + "/close").then().statusCode(409);
        agent.request().post("/sessions/" + id + "/abandon").then().statusCode(409);
        TestAgents.create().request().body(Map.of("topic", "Mine")).patch("/sessions/" + id).then().statusCode(403);
        assertThat(outboxTopics(id)).hasSize(written);
    }

    @Test
    void shouldDeliverEachEventOfASessionOnceAndInTheOrderOfTheChanges() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        for (int i = 1; i <= 20; i++) {
            Fixtures.log(agent, id, "note", Map.of("text", "step " + i));
        }
        Fixtures.close(agent, id, "success");

        List<JsonNode> events = SessionEventsTest.events(Topics.SESSIONS, id, 22);
        assertThat(events.getFirst().get("type").asText()).isEqualTo("session.opened");
        assertThat(events.getLast().get("type").asText()).isEqualTo("session.closed");
        assertThat(events.subList(1, 21)).extracting(e -> e.at("/data/entry/seq").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
        assertThat(events).extracting(e -> e.get("event_id").asText()).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sql(
                "select count(*) from outbox_event where message_key = $1 and sent_at is null", id)
                .getFirst().getLong(0)).isZero());
    }

    /** The topics of the session's outbox rows, in the order they were written. */
    private List<String> outboxTopics(String sessionId) {
        List<String> topics = new ArrayList<>();
        sql("select topic from outbox_event where message_key = $1 order by id", sessionId)
                .forEach(row -> topics.add(row.getString("topic")));
        return topics;
    }

    private List<Row> sql(String statement, Object... parameters) {
        List<Row> rows = new ArrayList<>();
        database.preparedQuery(statement).execute(Tuple.from(parameters)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    private void sql(String statement) {
        database.query(statement).execute().await().indefinitely();
    }
}
