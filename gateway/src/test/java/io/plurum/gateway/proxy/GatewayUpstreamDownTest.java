package io.plurum.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = EchoUpstreams.DOWN, value = "agents,pulse"))
class GatewayUpstreamDownTest {

    @Inject
    Vertx vertx;

    @Test
    void shouldAnswerBadGatewayWhenUpstreamIsDown() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"username\":\"ada\"}")
                .post("/api/v1/agents/register");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://plurum.dev/problems/bad-gateway");
        assertThat(response.jsonPath().getString("title")).isEqualTo("Bad gateway");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(502);
        assertThat(response.jsonPath().getString("detail")).isEqualTo("The agents service is not reachable.");
        assertThat(response.asString()).doesNotContain(EchoUpstreams.HOST).doesNotContain("Exception");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void shouldStillRouteToUpstreamsThatAreUp() {
        given().get("/api/v1/sessions").then().statusCode(200);
    }

    @Test
    void shouldAnswerBadGatewayToWebSocketUpgradeWhenUpstreamIsDown() {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            Throwable failure = catchThrowable(() -> client.connect(RestAssured.port, "localhost", "/api/v1/pulse/ws")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));

            assertThat(failure).isInstanceOf(ExecutionException.class);
            assertThat(failure.getCause()).isInstanceOfSatisfying(UpgradeRejectedException.class,
                    rejected -> assertThat(rejected.getStatus()).isEqualTo(502));
        } finally {
            client.close();
        }
    }

    @Test
    void shouldStayReadyWhileUpstreamsAreDown() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
