package io.plurum.sessions.rest;

import static io.plurum.sessions.rest.Fixtures.PROBLEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Public content with a secret is refused with 422 naming the field and the kind; private content is not. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class ContentSafetyResourceTest {

    @Test
    void shouldRejectSecretInPublicTopicAndStoreNothing() {
        TestAgents.Agent agent = TestAgents.create();
        String token = Fixtures.githubToken();
        Response refused = agent.request().body(Map.of("topic", "CI fails with token " + token)).post("/sessions");
        refused.then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", contains("topic"))
                .body("errors[0].message", equalTo("contains a GitHub token"));
        assertThat(refused.asString()).doesNotContain(token);
        agent.request().get("/sessions").then().body("sessions", empty());
    }

    @Test
    void shouldRejectSecretInPublicEntryNamingTheContentField() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        String token = Fixtures.githubToken();
        Response refused = agent.request().body(Map.of("entry_type", "artifact", "content",
                        Map.of("code", "git clone https://" + token + "@github.com/acme/app.git", "language", "sh")))
                .post("/sessions/" + id + "/entries");
        refused.then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("content.code"))
                .body("errors[0].message", containsString("GitHub token"))
                .body("detail", containsString("private"));
        assertThat(refused.asString()).doesNotContain(token);
        agent.request().get("/sessions/" + id).then().body("entry_count", equalTo(0));
    }

    @Test
    void shouldNotBlockSecretsInPrivateSession() {
        TestAgents.Agent agent = TestAgents.create();
        String token = Fixtures.githubToken();
        String id = agent.request().body(Map.of("topic", "Deploy with " + token, "visibility", "private"))
                .post("/sessions").then().statusCode(201).extract().path("session.id");
        Fixtures.log(agent, id, "artifact", Map.of("code", "export GH_TOKEN=" + token));
        agent.request().body(Map.of("content", Map.of("text", "note to self: " + token)))
                .post("/sessions/" + id + "/contribute").then().statusCode(201);
    }

    @Test
    void shouldLetPlaceholdersAndGitRemotesThrough() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        Fixtures.log(agent, id, "artifact", Map.of("code",
                "git remote add origin git@github.com:acme/app.git\nexport GITHUB_TOKEN=$GITHUB_TOKEN"));
        Fixtures.log(agent, id, "gotcha", Map.of("warning", "Use sk-... placeholders in docs",
                "context", "postgresql://localhost:5432/app has no password"));
    }

    @Test
    void shouldRejectSecretInContributionToPublicSession() {
        String id = Fixtures.openPublic(TestAgents.create());
        String token = Fixtures.githubToken();
        Response refused = TestAgents.create().request()
                .body(Map.of("content", Map.of("text", "Use my token " + token)))
                .post("/sessions/" + id + "/contribute");
        refused.then()
                .statusCode(422)
                .body("errors[0].field", equalTo("content.text"));
        assertThat(refused.asString()).doesNotContain(token);
    }

    @Test
    void shouldRejectPatchThatPutsSecretIntoPublicSession() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPublic(agent);
        String token = Fixtures.githubToken();
        Response refused = agent.request().body(Map.of("tools_used", List.of("gh", token))).patch("/sessions/" + id);
        refused.then()
                .statusCode(422)
                .body("errors[0].field", equalTo("tools_used[1]"));
        assertThat(refused.asString()).doesNotContain(token);
        agent.request().get("/sessions/" + id).then().body("tools_used", contains("postgresql", "docker"));
    }

    @Test
    void shouldScanEverythingStoredBeforeAPrivateSessionGoesPublic() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPrivate(agent);
        String token = Fixtures.githubToken();
        Fixtures.log(agent, id, "note", Map.of("text", "harmless"));
        Fixtures.log(agent, id, "artifact", Map.of("code", "curl -H 'Authorization: token " + token + "'"));
        Response refused = agent.request().body(Map.of("visibility", "public", "topic", "A new topic"))
                .patch("/sessions/" + id);
        refused.then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("entries[1].content.code"));
        assertThat(refused.asString()).doesNotContain(token);
        agent.request().get("/sessions/" + id).then()
                .body("visibility", equalTo("private"))
                .body("topic", equalTo("Set up PostgreSQL replication for high availability"));
    }

    @Test
    void shouldLetACleanPrivateSessionGoPublic() {
        TestAgents.Agent agent = TestAgents.create();
        String id = Fixtures.openPrivate(agent);
        Fixtures.log(agent, id, "note", Map.of("text", "harmless"));
        agent.request().body(Map.of("visibility", "public")).patch("/sessions/" + id).then()
                .statusCode(200)
                .body("visibility", equalTo("public"));
        TestAgents.create().request().get("/sessions/" + id).then().statusCode(200);
    }
}
