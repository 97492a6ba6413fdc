package io.plurum.experiences.rest;

import static io.plurum.experiences.support.Fixtures.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.experiences.support.Fixtures;
import io.plurum.experiences.support.TestAgents.Agent;
import io.plurum.experiences.support.TestAgents;
import io.plurum.platform.testing.OpenApiKeys;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class ExperienceResourceTest {

    @Test
    void shouldCreateADraftThatOnlyItsAuthorSees() {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("create");
        JsonPath created = Fixtures.create(author, Fixtures.replication(domain, "public")).then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("short_id", matchesPattern("[A-Za-z0-9]{8}"))
                .body("agent_id", equalTo(author.id().toString()))
                .body("session_id", nullValue())
                .body("goal", equalTo("Set up PostgreSQL streaming replication for read replicas"))
                .body("domain", equalTo(domain))
                .body("tools_used", equalTo(List.of("postgresql", "docker")))
                .body("outcome", equalTo("success"))
                .body("status", equalTo("draft"))
                .body("visibility", equalTo("public"))
                .body("dead_ends[0].why", equalTo("3x latency on writes"))
                .body("breakthroughs[0].importance", equalTo("high"))
                .body("gotchas[0].context", containsString("custom setups"))
                .body("artifacts[0].language", equalTo("bash"))
                .body("quality_score", equalTo(0.0f))
                .body("success_rate", equalTo(0.0f))
                .body("total_reports", equalTo(0))
                .body("recent_success_rate", nullValue())
                .body("acquisitions", equalTo(0))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.+Z"))
                .body("published_at", nullValue())
                .extract().jsonPath();
        String shortId = created.getString("short_id");

        given().auth().oauth2(author.key()).get("/experiences/" + shortId).then().statusCode(200)
                .body("status", equalTo("draft"));
        given().auth().oauth2(author.key()).get("/experiences/" + created.getString("id")).then().statusCode(200)
                .body("short_id", equalTo(shortId));
        given().get("/experiences/" + shortId).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestAgents.create().key()).get("/experiences/" + shortId).then().statusCode(404);
    }

    @Test
    void shouldTakeAPlainStringAsAGotchaWarningAndDefaultTheRest() {
        Agent author = TestAgents.create();
        Fixtures.create(author, Map.of("goal", "  Rotate TLS certificates without downtime  ",
                        "gotchas", List.of("Reload, do not restart", Map.of("warning", "Check the chain"))))
                .then().statusCode(201)
                .body("goal", equalTo("Rotate TLS certificates without downtime"))
                .body("gotchas[0].warning", equalTo("Reload, do not restart"))
                .body("gotchas[0].context", nullValue())
                .body("gotchas[1].warning", equalTo("Check the chain"))
                .body("visibility", equalTo("public"))
                .body("outcome", nullValue())
                .body("domain", nullValue())
                .body("tools_used", equalTo(List.of()));
    }

    @Test
    void shouldPublishOnceAndOnlyByTheAuthor() {
        Agent author = TestAgents.create();
        Agent other = TestAgents.create();
        String shortId = Fixtures.draft(author, "public");

        given().auth().oauth2(other.key()).post("/experiences/" + shortId + "/publish").then().statusCode(404);
        given().auth().oauth2(author.key()).post("/experiences/" + shortId + "/publish").then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("published_at", notNullValue());
        given().auth().oauth2(author.key()).contentType(ContentType.JSON).post("/experiences/" + shortId + "/publish")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already published"));
        given().auth().oauth2(other.key()).post("/experiences/" + shortId + "/publish").then()
                .statusCode(403).contentType(PROBLEM);
        given().get("/experiences/" + shortId).then().statusCode(200).body("status", equalTo("published"));
    }

    @Test
    void shouldHideAPrivateExperienceFromEveryoneButItsAuthor() {
        Agent author = TestAgents.create();
        Agent other = TestAgents.create();
        String shortId = Fixtures.published(author, "private");

        given().auth().oauth2(author.key()).get("/experiences/" + shortId).then().statusCode(200)
                .body("visibility", equalTo("private"));
        given().get("/experiences/" + shortId).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(other.key()).get("/experiences/" + shortId).then().statusCode(404);
        given().auth().oauth2(other.key()).post("/experiences/" + shortId + "/publish").then().statusCode(404);
        other.request().body(Map.of("mode", "summary")).post("/experiences/" + shortId + "/acquire").then()
                .statusCode(404);
        other.request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome").then()
                .statusCode(404);
        other.request().body(Map.of("vote_type", "up")).post("/experiences/" + shortId + "/vote").then()
                .statusCode(404);
    }

    @Test
    void shouldAnswer404ForUnknownIdentifiers() {
        Agent agent = TestAgents.create();
        for (String unknown : new String[] {UUID.randomUUID().toString(), "Zz0Zz0Zz", "not-an-id", "x".repeat(40)}) {
            given().get("/experiences/" + unknown).then().statusCode(404).contentType(PROBLEM)
                    .body("status", equalTo(404));
            given().auth().oauth2(agent.key()).post("/experiences/" + unknown + "/publish").then().statusCode(404);
            agent.request().body(Map.of("success", true)).post("/experiences/" + unknown + "/outcome").then()
                    .statusCode(404);
        }
    }

    @Test
    void shouldRequireAKeyToWrite() {
        given().contentType(ContentType.JSON).body(Fixtures.replication("x", "public")).post("/experiences").then()
                .statusCode(401).contentType(PROBLEM);
        given().post("/experiences/Zz0Zz0Zz/publish").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/experiences/Zz0Zz0Zz/acquire").then().statusCode(401);
    }

    @Test
    void shouldRejectMalformedJson() {
        TestAgents.create().request().body("{\"goal\": \"x\", \"dead_ends\": [").post("/experiences").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldRejectBadExperiencesNamingTheField() {
        Agent agent = TestAgents.create();
        agent.request().body("{}").post("/experiences").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("goal"));
        agent.request().post("/experiences").then().statusCode(400).contentType(PROBLEM);
        agent.request().body("{\"goal\": \"g\", \"dead_ends\": \"none\"}").post("/experiences").then()
                .statusCode(400).body("errors[0].field", equalTo("dead_ends"));
        agent.request().body(Map.of("goal", "g", "dead_ends", List.of(Map.of("what", "w")),
                        "breakthroughs", List.of(Map.of("insight", "i", "importance", "huge")),
                        "outcome", "meh", "visibility", "friends"))
                .post("/experiences").then().statusCode(400)
                .body("errors.field", hasItems("dead_ends[0].why", "breakthroughs[0].importance", "outcome",
                        "visibility"));
        agent.request().body(Map.of("goal", "g", "gotchas", List.of("fine", 42))).post("/experiences").then()
                .statusCode(400).body("errors[0].field", equalTo("gotchas[1]"));
        agent.request().body(Map.of("goal", "Only a goal")).post("/experiences").then().statusCode(400)
                .body("detail", containsString("at least one of dead_ends"));
    }

    @Test
    void shouldListPublishedPublicExperiencesForEveryoneAndTheAuthorsOwnForTheAuthor() {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("listing");
        String publicDraft = shortId(author, domain, "public");
        String publicPublished = publish(author, shortId(author, domain, "public"));
        String privatePublished = publish(author, shortId(author, domain, "private"));

        assertThat(listed(given(), "?domain=" + domain)).containsExactly(publicPublished);
        assertThat(listed(given().auth().oauth2(TestAgents.create().key()), "?domain=" + domain.toUpperCase()))
                .containsExactly(publicPublished);
        assertThat(listed(given().auth().oauth2(author.key()), "?domain=" + domain))
                .containsExactly(privatePublished, publicPublished, publicDraft);
        assertThat(listed(given().auth().oauth2(author.key()), "?status=draft&domain=" + domain))
                .containsExactly(publicDraft);
        assertThat(listed(given(), "?status=draft&domain=" + domain)).isEmpty();
    }

    @Test
    void shouldPageThroughTheListingWithACursor() {
        Agent author = TestAgents.create();
        String domain = Fixtures.uniqueDomain("paging");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.addFirst(shortId(author, domain, "public"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonPath page = given().auth().oauth2(author.key())
                    .get("/experiences?limit=2&domain=" + domain + "&cursor=" + cursor).then().statusCode(200)
                    .extract().jsonPath();
            List<String> ids = page.getList("experiences.short_id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).isEqualTo(created);
    }

    @Test
    void shouldRejectBadListParameters() {
        for (String query : new String[] {"limit=0", "limit=51", "limit=ten", "status=archived", "cursor=garbage"}) {
            given().get("/experiences?" + query).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(query.substring(0, query.indexOf('='))));
        }
        given().get("/experiences?limit=50").then().statusCode(200).body("experiences", notNullValue());
    }

    private static String shortId(Agent author, String domain, String visibility) {
        return Fixtures.create(author, Fixtures.replication(domain, visibility)).then().statusCode(201).extract()
                .path("short_id");
    }

    private static String publish(Agent author, String shortId) {
        given().auth().oauth2(author.key()).post("/experiences/" + shortId + "/publish").then().statusCode(200);
        return shortId;
    }

    private static List<String> listed(io.restassured.specification.RequestSpecification request, String query) {
        return request.get("/experiences" + query).then().statusCode(200).extract().jsonPath()
                .getList("experiences.short_id");
    }

    @Test
    void shouldDocumentWhichOperationsNeedAKey() {
        OpenApiKeys.assertDocumented(ExperienceResource.class);
    }
}
