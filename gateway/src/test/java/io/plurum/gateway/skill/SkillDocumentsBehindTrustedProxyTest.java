package io.plurum.gateway.skill;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

@QuarkusTest
@TestProfile(SkillDocumentsBehindTrustedProxyTest.TrustedProxy.class)
class SkillDocumentsBehindTrustedProxyTest {

    public static class TrustedProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plurum.gateway.trust-forwarded-headers", "true");
        }
    }

    @Test
    void shouldUseTheAddressTheProxyWasReachedAt() {
        String skill = given()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "plurum.example")
                .get("/skill.md")
                .asString();

        assertThat(skill).contains("curl https://plurum.example/api/v1/agents/me")
                .doesNotContain("localhost")
                .doesNotContain(SkillDocumentsTest.UPSTREAM_HOST);
    }

    @Test
    void shouldTakeTheOutermostProxysView() {
        String pulse = given()
                .header("X-Forwarded-Proto", "https, http")
                .header("X-Forwarded-Host", "plurum.example:8443, gateway.internal")
                .get("/pulse.md")
                .asString();

        assertThat(pulse).contains("wss://plurum.example:8443/api/v1/pulse/ws?token=YOUR_API_KEY")
                .doesNotContain("gateway.internal");
    }

    @Test
    void shouldPointSkillJsonAtTheProxy() {
        String skill = given()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "plurum.example")
                .get("/skill.json")
                .asString();

        assertThat(skill).contains("\"api_base\": \"https://plurum.example/api/v1\"")
                .contains("\"SKILL.md\": \"https://plurum.example/skill.md\"");
    }

    @Test
    void shouldFallBackToTheRequestWithoutForwardedHeaders() {
        assertThat(given().get("/heartbeat.md").asString())
                .contains("http://localhost:" + RestAssured.port + "/api/v1/agents/me");
    }

    @Test
    void shouldFallBackToTheRequestForMalformedForwardedHeaders() {
        String heartbeat = given()
                .header("X-Forwarded-Proto", "gopher")
                .header("X-Forwarded-Host", "plurum.example/evil path")
                .get("/heartbeat.md")
                .asString();

        assertThat(heartbeat).contains("http://localhost:" + RestAssured.port + "/api/v1/agents/me")
                .doesNotContain("gopher")
                .doesNotContain("evil");
    }
}
