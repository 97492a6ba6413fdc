package io.plurum.experiences.rest;

import static io.plurum.experiences.support.Fixtures.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.experiences.support.Fixtures;
import io.plurum.experiences.support.TestAgents;
import io.plurum.experiences.support.TestAgents.Agent;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class ContentSafetyResourceTest {

    @Test
    void shouldRefuseASecretInAPublicExperienceNamingTheFieldAndNeverTheSecret() {
        String token = Fixtures.githubToken();
        Map<String, Object> body = Fixtures.replication(Fixtures.uniqueDomain("safety"), "public");
        body.put("dead_ends", List.of(Map.of("what", "Cloned with a token", "why", "export GH=" + token)));
        String answer = Fixtures.create(TestAgents.create(), body).then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("dead_ends[0].why"))
                .body("errors[0].message", containsString("GitHub token"))
                .body("detail", containsString("dead_ends[0].why"))
                .extract().asString();
        assertThat(answer).doesNotContain(token).doesNotContain(token.substring(4, 20));
    }

    @Test
    void shouldScanEveryPartOfAPublicExperience() {
        Agent agent = TestAgents.create();
        Map<String, Object> body = Fixtures.replication(Fixtures.uniqueDomain("safety"), "public");
        body.put("goal", "Connect to postgresql://orders_app:" + Fixtures.password() + "@db.prod.acme-corp.io/app");
        body.put("gotchas", List.of("Mail ops at jane.doe@acme-corp.com when it breaks"));
        Fixtures.create(agent, body).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("goal", "gotchas[0].warning"));
    }

    @Test
    void shouldLetThroughWhatOnlyLooksLikeASecret() {
        Map<String, Object> body = Fixtures.replication(Fixtures.uniqueDomain("safety"), "public");
        body.put("gotchas", List.of("Use $GITHUB_TOKEN, never paste sk-... keys; mail user@example.com",
                "Push to git@github.com:org/repo.git from 192.0.2.10 or localhost"));
        Fixtures.create(TestAgents.create(), body).then().statusCode(201);
    }

    @Test
    void shouldKeepAPrivateExperienceUnscannedButPrivate() {
        Agent author = TestAgents.create();
        Map<String, Object> body = Fixtures.replication(Fixtures.uniqueDomain("safety"), "private");
        body.put("context", "Our staging key is " + Fixtures.githubToken());
        String shortId = Fixtures.create(author, body).then().statusCode(201).extract().path("short_id");
        given().auth().oauth2(author.key()).post("/experiences/" + shortId + "/publish").then().statusCode(200);
        given().get("/experiences/" + shortId).then().statusCode(404);
    }
}
