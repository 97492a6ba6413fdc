package io.plurum.sessions.rest;

import static io.plurum.sessions.rest.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class EntryResourceTest {

    @Inject
    Pool database;

    @Test
    void shouldLogEveryEntryTypeInOrder() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        entries.put("update", Map.of("text", "Primary is up"));
        entries.put("dead_end", Map.of("what", "synchronous_commit=on", "why", "3x write latency"));
        entries.put("breakthrough", Map.of("insight", "Replication slots keep WAL", "detail", "pg_basebackup -R",
                "importance", "high"));
        entries.put("gotcha", Map.of("warning", "Slots fill the disk", "context", "when a replica is down"));
        entries.put("artifact", Map.of("code", "SELECT * FROM pg_stat_replication;", "language", "sql",
                "description", "Check lag"));
        entries.put("note", Map.of("text", "Try Patroni next"));
        entries.forEach((type, content) -> agent.request().body(Map.of("entry_type", type, "content", content))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(201)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("session_id", equalTo(id))
                .body("entry_type", equalTo(type))
                .body("content", equalTo(content))
                .body("created_at", matchesPattern("\\d{4}-.+Z")));

        agent.request().get("/sessions/" + id).then()
                .statusCode(200)
                .body("entry_count", equalTo(6))
                .body("entries.entry_type", contains(entries.keySet().toArray()));
    }

    @Test
    void shouldDefaultImportanceToMediumAndDropUnknownContentFields() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "breakthrough",
                        "content", Map.of("insight", "Async replication is enough", "colour", "blue")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(201)
                .body("content.importance", equalTo("medium"))
                .body("content", not(hasKey("colour")))
                .body("content", not(hasKey("detail")));
    }

    @Test
    void shouldRejectUnknownEntryType() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "rant", "content", Map.of("text", "Ugh")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("entry_type"))
                .body("errors[0].message", containsString("dead_end"));
    }

    @Test
    void shouldRejectMissingRequiredContentFieldNamingIt() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "dead_end", "content", Map.of("what", "Tried NFS")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("content.why"));
        agent.request().body(Map.of("entry_type", "artifact", "content", Map.of("code", "  ")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .body("errors.field", contains("content.code"));
        agent.request().get("/sessions/" + id).then().body("entry_count", equalTo(0));
    }

    @Test
    void shouldRejectWrongImportance() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "breakthrough",
                        "content", Map.of("insight", "Use slots", "importance", "critical")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content.importance"))
                .body("errors[0].message", equalTo("must be one of high, medium, low"));
    }

    @Test
    void shouldRejectContentFieldsOfTheWrongType() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "note", "content", Map.of("text", List.of("a", "b"))))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content.text"))
                .body("errors[0].message", equalTo("must be a string"));
        agent.request().body(Map.of("entry_type", "note", "content", "just text"))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"));
    }

    @Test
    void shouldRejectMissingContentOrEntryType() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "note")).post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("content"));
        agent.request().body(Map.of("content", Map.of("text", "hi"))).post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("entry_type"));
    }

    @Test
    void shouldRejectMalformedJson() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body("{\"entry_type\": \"note\", \"content\": {\"text\": }")
                .post("/sessions/" + id + "/entries").then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldAcceptContentUpTo64KibAndRejectLargerWith413() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        String justFits = "x".repeat(65_536 - "{\"code\":\"\"}".length());
        Fixtures.log(agent, id, "artifact", Map.of("code", justFits));
        agent.request().body(Map.of("entry_type", "artifact", "content", Map.of("code", justFits + "x")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(413)
                .contentType(PROBLEM)
                .body("detail", containsString("65536"));
        agent.request().get("/sessions/" + id).then().body("entry_count", equalTo(1));
    }

    @Test
    void shouldRejectBodyOverOneMebibyteWith413() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        agent.request().body(Map.of("entry_type", "note", "content", Map.of("text", "x".repeat(1_100_000))))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(413)
                .contentType(PROBLEM);
    }

    @Test
    void shouldRejectEntryBeyondThousandWithClearMessage() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.log(agent, id, "note", Map.of("text", "first"));
        // Logging 999 more through HTTP would only be slow: the limit reads the session's counter.
        database.preparedQuery("update session set entry_count = 1000 where id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
        agent.request().body(Map.of("entry_type", "note", "content", Map.of("text", "one too many")))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("1000 entries"))
                .body("detail", containsString("open a new session"));
    }

    @Test
    void shouldRejectEntryOnceTheSessionHoldsItsTotalContent() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        String large = "y".repeat(60_000);
        for (int i = 0; i < 10; i++) {
            Fixtures.log(agent, id, "artifact", Map.of("code", large));
        }
        agent.request().body(Map.of("entry_type", "artifact", "content", Map.of("code", large)))
                .post("/sessions/" + id + "/entries").then()
                .statusCode(409)
                .body("detail", containsString("in total"));
        Fixtures.close(agent, id, "success");
    }

    @Test
    void shouldRejectEntryToClosedOrAbandonedSession() {
        TestAgents.Agent agent = TestAgents.create();
        String closed = Fixtures.openPublic(agent);
        Fixtures.close(agent, closed, "success");
        agent.request().body(Map.of("entry_type", "note", "content", Map.of("text", "late")))
                .post("/sessions/" + closed + "/entries").then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("closed"));
        String abandoned = Fixtures.openPublic(agent);
        agent.request().post("/sessions/" + abandoned + "/abandon").then().statusCode(200);
        agent.request().body(Map.of("entry_type", "note", "content", Map.of("text", "late")))
                .post("/sessions/" + abandoned + "/entries").then()
                .statusCode(409);
    }

    @Test
    void shouldForbidEntryToSessionOfAnotherAgent() {
        String publicId = Fixtures.openPublic(TestAgents.create());
        String privateId = Fixtures.openPrivate(TestAgents.create());
        TestAgents.Agent other = TestAgents.create();
        other.request().body(Map.of("entry_type", "note", "content", Map.of("text", "hijack")))
                .post("/sessions/" + publicId + "/entries").then()
                .statusCode(403)
                .contentType(PROBLEM);
        other.request().body(Map.of("entry_type", "note", "content", Map.of("text", "hijack")))
                .post("/sessions/" + privateId + "/entries").then()
                .statusCode(404);
    }

    @Test
    void shouldAnswer404ForEntryToUnknownSession() {
        TestAgents.create().request().body(Map.of("entry_type", "note", "content", Map.of("text", "hi")))
                .post("/sessions/Zz9Yy8Xx/entries").then()
                .statusCode(404);
    }
}
