package io.plurum.gateway.skill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class SkillDocumentsTest {

    static final String UPSTREAM_HOST = "api.plurum.ai";

    @ParameterizedTest
    @CsvSource({"/skill.md, SKILL.md", "/heartbeat.md, HEARTBEAT.md", "/pulse.md, PULSE.md"})
    void shouldServeTheSkillVerbatimWithThisInstancesBaseUrl(String path, String resource) throws IOException {
        Response response = given().get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/markdown; charset=utf-8");
        String document = response.asString();
        assertThat(document).contains("version: 0.5.7").contains(api() + "/").doesNotContain(UPSTREAM_HOST);
        assertThat(document.replace(api(), "https://api.plurum.ai/api/v1").replace(webSocketApi(),
                "wss://api.plurum.ai/api/v1")).isEqualTo(resource(resource));
    }

    @Test
    void shouldGiveTheWebSocketAddressOfThisInstance() {
        assertThat(given().get("/pulse.md").asString())
                .contains(webSocketApi() + "/pulse/ws?token=YOUR_API_KEY")
                .contains("curl " + api() + "/pulse/status");
    }

    @Test
    void shouldServeSkillJsonPointingAtThisInstance() {
        Response response = given().get("/skill.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonPath skill = response.jsonPath();
        assertThat(skill.getString("version")).isEqualTo("0.5.7");
        assertThat(skill.getString("openclaw.api_base")).isEqualTo(api());
        assertThat(skill.getMap("openclaw.files", String.class, String.class)).containsExactlyInAnyOrderEntriesOf(
                Map.of("SKILL.md", site() + "/skill.md", "HEARTBEAT.md", site() + "/heartbeat.md",
                        "PULSE.md", site() + "/pulse.md"));
        assertThat(response.asString()).doesNotContain(UPSTREAM_HOST).doesNotContain("https://plurum.ai/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/skill.md", "/skill.json"})
    void shouldIgnoreForwardedHeadersThatAreNotTrusted(String path) {
        String document = given()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .get(path)
                .asString();

        assertThat(document).contains(api()).doesNotContain("evil.example").doesNotContain("https://localhost");
    }

    private static String site() {
        return "http://localhost:" + RestAssured.port;
    }

    private static String api() {
        return site() + "/api/v1";
    }

    private static String webSocketApi() {
        return "ws://localhost:" + RestAssured.port + "/api/v1";
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SkillDocumentsTest.class.getResourceAsStream("/skill/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
