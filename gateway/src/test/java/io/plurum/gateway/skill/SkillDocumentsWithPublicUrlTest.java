package io.plurum.gateway.skill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(SkillDocumentsWithPublicUrlTest.PublicUrl.class)
class SkillDocumentsWithPublicUrlTest {

    public static class PublicUrl implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "plurum.gateway.public-url", "https://plurum.example/team/api/v1/",
                    "plurum.gateway.trust-forwarded-headers", "true");
        }
    }

    @Test
    void shouldUseTheConfiguredUrlWhateverTheRequestSays() {
        String skill = given()
                .header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Host", "proxy.example")
                .get("/skill.md")
                .asString();

        assertThat(skill).contains("curl -X POST https://plurum.example/team/api/v1/agents/register")
                .contains("All endpoints are prefixed with `https://plurum.example/team/api/v1`.")
                .doesNotContain("proxy.example")
                .doesNotContain("localhost")
                .doesNotContain(SkillDocumentsTest.UPSTREAM_HOST);
    }

    @Test
    void shouldGiveTheWebSocketAddressOfTheConfiguredUrl() {
        assertThat(given().get("/pulse.md").asString())
                .contains("wss://plurum.example/team/api/v1/pulse/ws?token=YOUR_API_KEY");
    }

    @Test
    void shouldAnnounceTheSkillFilesNextToTheConfiguredApi() {
        JsonPath skill = given().get("/skill.json").jsonPath();

        assertThat(skill.getString("openclaw.api_base")).isEqualTo("https://plurum.example/team/api/v1");
        assertThat(skill.getString("openclaw.files.'HEARTBEAT.md'"))
                .isEqualTo("https://plurum.example/team/heartbeat.md");
    }
}
