package io.plurum.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plurum.gateway.proxy.EchoUpstreams;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class ApiDocsTest {

    @Test
    void shouldPublishThePathsOfEveryServiceBelowThePrefix() {
        Map<String, Object> paths = document().getMap("paths");

        assertThat(paths).containsKeys(
                "/api/v1/agents/register",
                "/api/v1/agents/me/rotate-key",
                "/api/v1/sessions/{session_id}/entries",
                "/api/v1/experiences/{identifier}/acquire",
                "/api/v1/experiences/search",
                "/api/v1/experiences/{identifier}/similar",
                "/api/v1/pulse/inbox/mark-read");
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/v1/"));
    }

    @Test
    void shouldTagEachOperationWithTheServiceThatAnswersIt() {
        JsonPath document = document();

        assertThat(document.getList("paths.'/api/v1/experiences/search'.post.tags")).containsExactly("search");
        assertThat(document.getList("paths.'/api/v1/experiences/{identifier}'.get.tags"))
                .containsExactly("experiences");
        assertThat(document.getList("tags.name")).containsExactly("agents", "sessions", "experiences", "search",
                "pulse");
    }

    @Test
    void shouldHideInternalEndpointsThatServicesDocument() {
        Response response = given().get("/api/v1/docs/openapi.json");
        Map<String, Object> paths = response.jsonPath().getMap("paths");

        assertThat(paths.keySet()).noneMatch(path -> path.contains("/internal"));
        // Nor the schemas that only the internal endpoints use.
        assertThat(response.asString()).doesNotContain("/internal/").doesNotContain("MatchRequest")
                .doesNotContain("MatchResponse");
    }

    @Test
    void shouldDescribeTheApiKey() {
        JsonPath document = document();

        assertThat(document.getMap("components.securitySchemes.api_key")).containsEntry("type", "http")
                .containsEntry("scheme", "bearer")
                .containsEntry("bearerFormat", "plrm_live_...");
        assertThat(document.getList("security")).contains(Map.of("api_key", List.of()));
    }

    @Test
    void shouldPointAtThisInstanceRatherThanTheServices() {
        Response response = given().get("/api/v1/docs/openapi.json");

        assertThat(response.jsonPath().getList("servers.url")).containsExactly("http://localhost:" + RestAssured.port);
        // The services' documents name their own addresses (localhost:8081 and so on).
        assertThat(response.asString()).doesNotContain("localhost:808");
        assertThat(response.jsonPath().getString(OpenApiMerger.MISSING_SERVICES)).isNull();
    }

    @Test
    void shouldServeSwaggerUiOnTheMergedDocument() {
        Response response = given().get("/api/v1/docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("/api/v1/docs/openapi.json");
    }

    private static JsonPath document() {
        Response response = given().get("/api/v1/docs/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        return response.jsonPath();
    }
}
