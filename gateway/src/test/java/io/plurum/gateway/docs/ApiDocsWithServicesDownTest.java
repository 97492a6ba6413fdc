package io.plurum.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.plurum.gateway.proxy.EchoUpstreams;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = EchoUpstreams.DOWN, value = "agents,pulse"))
class ApiDocsWithServicesDownTest {

    @Test
    void shouldServeTheRestAndNameTheServicesThatAreDown() {
        Response response = given().get("/api/v1/docs/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath document = response.jsonPath();
        assertThat(document.getList(OpenApiMerger.MISSING_SERVICES)).containsExactly("agents", "pulse");
        assertThat(document.getString("info.description")).contains("did not answer: agents, pulse");
        assertThat(document.getMap("paths")).containsKeys("/api/v1/sessions", "/api/v1/experiences/search")
                .doesNotContainKeys("/api/v1/agents/register", "/api/v1/pulse/status");
    }
}
