package io.plurum.agents.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class KeyBudgetTest {

    @Test
    void shouldRefuseCallsBeyondThePerKeyBudgetAndSpareOtherKeys() {
        String key = AgentResourceTest.registerKey(AgentResourceTest.uniqueUsername("busy"));
        String other = AgentResourceTest.registerKey(AgentResourceTest.uniqueUsername("calm"));
        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 1300 && refused == null; i++) {
            Response response = given().auth().oauth2(key).get("/agents/me");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                accepted++;
            }
        }
        // The budget is per minute; a minute boundary during the loop can only raise the count.
        assertThat(accepted).isGreaterThanOrEqualTo(600);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("600");
        given().auth().oauth2(other).get("/agents/me").then().statusCode(200);
    }
}
