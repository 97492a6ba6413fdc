package io.plurum.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(GatewayBehindTrustedProxyTest.TrustedProxy.class)
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GatewayBehindTrustedProxyTest {

    public static class TrustedProxy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plurum.gateway.trust-forwarded-headers", "true");
        }
    }

    @Test
    void shouldAppendPeerToForwardedForOfTrustedProxy() {
        JsonPath echo = given()
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "plurum.example")
                .get("/api/v1/agents/me")
                .then().statusCode(200).extract().jsonPath();

        assertThat(echo.getString("headers.'x-forwarded-for'"))
                .isIn("203.0.113.7, 127.0.0.1", "203.0.113.7, 0:0:0:0:0:0:0:1");
        assertThat(echo.getString("headers.'x-forwarded-proto'")).isEqualTo("https");
        assertThat(echo.getString("headers.'x-forwarded-host'")).isEqualTo("plurum.example");
    }
}
