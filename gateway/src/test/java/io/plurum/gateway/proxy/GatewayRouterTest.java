package io.plurum.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(EchoUpstreams.class)
class GatewayRouterTest {

    private static final String LOOPBACK_V4 = "127.0.0.1";
    private static final String LOOPBACK_V6 = "0:0:0:0:0:0:0:1";

    @Inject
    Vertx vertx;

    @Test
    void shouldRouteAgentsToAgentsService() {
        JsonPath echo = echoed(given().contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"username\":\"ada\"}")
                .post("/api/v1/agents/register"));

        assertThat(echo.getString("service")).isEqualTo("agents");
        assertThat(echo.getString("method")).isEqualTo("POST");
        assertThat(echo.getString("path")).isEqualTo("/agents/register");
        assertThat(echo.getString("body")).isEqualTo("{\"name\":\"Ada\",\"username\":\"ada\"}");
    }

    @Test
    void shouldRouteSessionsToSessionsServiceKeepingTheQuery() {
        JsonPath echo = echoed(given().urlEncodingEnabled(false).get("/api/v1/sessions?status=open&limit=5&q=a%20b"));

        assertThat(echo.getString("service")).isEqualTo("sessions");
        assertThat(echo.getString("path")).isEqualTo("/sessions");
        assertThat(echo.getString("query")).isEqualTo("status=open&limit=5&q=a%20b");
    }

    @Test
    void shouldRouteSearchToSearchService() {
        JsonPath echo = echoed(given().contentType(ContentType.JSON)
                .body("{\"query\":\"flaky tests\"}")
                .post("/api/v1/experiences/search"));

        assertThat(echo.getString("service")).isEqualTo("search");
        assertThat(echo.getString("path")).isEqualTo("/experiences/search");
        assertThat(echo.getString("body")).isEqualTo("{\"query\":\"flaky tests\"}");
    }

    @Test
    void shouldRouteSimilarExperiencesToSearchService() {
        JsonPath echo = echoed(given().get("/api/v1/experiences/AbC12345/similar?limit=5"));

        assertThat(echo.getString("service")).isEqualTo("search");
        assertThat(echo.getString("path")).isEqualTo("/experiences/AbC12345/similar");
        assertThat(echo.getString("query")).isEqualTo("limit=5");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/experiences, /experiences",
            "POST, /api/v1/experiences, /experiences",
            "GET, /api/v1/experiences/AbC12345, /experiences/AbC12345",
            "POST, /api/v1/experiences/AbC12345/publish, /experiences/AbC12345/publish",
            "GET, /api/v1/experiences/search, /experiences/search",
            "POST, /api/v1/experiences/AbC12345/similar, /experiences/AbC12345/similar"
    })
    void shouldRouteOtherExperienceCallsToExperiencesService(String method, String path, String upstreamPath) {
        JsonPath echo = echoed(given().request(method, path));

        assertThat(echo.getString("service")).isEqualTo("experiences");
        assertThat(echo.getString("method")).isEqualTo(method);
        assertThat(echo.getString("path")).isEqualTo(upstreamPath);
    }

    @Test
    void shouldRoutePulseToPulseService() {
        JsonPath echo = echoed(given().get("/api/v1/pulse/inbox?unread_only=true"));

        assertThat(echo.getString("service")).isEqualTo("pulse");
        assertThat(echo.getString("path")).isEqualTo("/pulse/inbox");
        assertThat(echo.getString("query")).isEqualTo("unread_only=true");
    }

    @Test
    void shouldReplaceForgedForwardingHeaders() {
        JsonPath echo = echoed(given()
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6")
                .get("/api/v1/agents/me"));

        assertThat(echo.getString("headers.'x-forwarded-for'")).isIn(LOOPBACK_V4, LOOPBACK_V6);
        assertThat(echo.getString("headers.'x-forwarded-proto'")).isEqualTo("http");
        assertThat(echo.getString("headers.'x-forwarded-host'")).isEqualTo("localhost:" + RestAssured.port);
        assertThat(echo.getString("headers.forwarded")).isNull();
    }

    @Test
    void shouldGenerateRequestIdWhenMissing() {
        Response response = given().get("/api/v1/agents/me");
        JsonPath echo = echoed(response);

        String requestId = response.header("X-Request-Id");
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(echo.getString("headers.'x-request-id'")).isEqualTo(requestId);
        assertThat(response.headers().getValues("X-Request-Id")).hasSize(1);
    }

    @Test
    void shouldKeepWellFormedRequestId() {
        Response response = given().header("X-Request-Id", "trace-42.a:b").get("/api/v1/sessions");
        JsonPath echo = echoed(response);

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-42.a:b");
        assertThat(echo.getString("headers.'x-request-id'")).isEqualTo("trace-42.a:b");
    }

    @Test
    void shouldReplaceMalformedRequestId() {
        Response response = given().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/sessions");
        JsonPath echo = echoed(response);

        String requestId = response.header("X-Request-Id");
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(echo.getString("headers.'x-request-id'")).isEqualTo(requestId);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/internal/credentials",
            "/api/v1/internal/credentials",
            "/api/v1/INTERNAL/credentials",
            "/api/v1/agents/internal/credentials",
            "/api/v1/agents/internal;v=1/credentials",
            "/api/v1/%69nternal/credentials",
            "/api/v1/agents/../internal/credentials",
            "/api/v1/agents/%2e%2e/internal/credentials",
            "/api/v1/agents/..%2Finternal%2Fcredentials",
            "/api/v1/agents/..%5Cinternal",
            "/api/v1/agents/%252e%252e%252finternal",
            "/api/v1/agents/%25252525252e%25252525252e",
            "/api/v1/sessions/./me",
            "/api/v1/agents/../../internal/credentials"
    })
    void shouldRefuseInternalPaths(String rawPath) throws Exception {
        RawResponse response = rawGet(rawPath);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.body().getString("type")).isEqualTo("https://plurum.dev/problems/not-found");
        assertThat(response.body().getString("service")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/v1", "/api/v1/", "/api/v1/unknown", "/api/v2/agents/me", "/agents/register"})
    void shouldAnswerProblemForUnknownPath(String path) {
        Response response = given().get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("https://plurum.dev/problems/not-found");
        assertThat(problem.getString("title")).isEqualTo("Not found");
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("detail")).isNotBlank();
    }

    @Test
    void shouldAnswerGatewayTimeoutWhenUpstreamIsSlow() {
        long started = System.nanoTime();
        Response response = given().get("/api/v1/sessions?delay_ms=5000");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://plurum.dev/problems/gateway-timeout");
        assertThat(response.jsonPath().getString("detail")).contains("sessions service");
        assertThat(tookMillis).isLessThan(4000);
    }

    @Test
    void shouldStreamLargeBodyIntact() {
        byte[] body = new byte[2 * 1024 * 1024];
        Random random = new Random(7);
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + random.nextInt(26));
        }

        JsonPath echo = echoed(given().contentType(ContentType.TEXT).body(body).post("/api/v1/experiences"));

        assertThat(echo.getString("service")).isEqualTo("experiences");
        assertThat(echo.getInt("body_length")).isEqualTo(body.length);
        assertThat(echo.getString("body_sha256")).isEqualTo(EchoUpstreams.sha256(body));
    }

    @Test
    void shouldPassUpstreamRefusalOfLargeBodyThrough() {
        byte[] body = new byte[(int) EchoUpstreams.BODY_LIMIT + 1024 * 1024];

        Response response = given().contentType(ContentType.BINARY).body(body).post("/api/v1/sessions");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.jsonPath().getString("title")).isEqualTo("Payload too large");
    }

    @Test
    void shouldBridgeWebSocketUpgradeToPulse() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try {
            WebSocket socket = client.connect(new WebSocketConnectOptions()
                            .setHost("localhost")
                            .setPort(RestAssured.port)
                            .setURI("/api/v1/pulse/ws?token=plrm_live_abc")
                            .addHeader("X-Forwarded-For", "6.6.6.6"))
                    .onSuccess(connected -> connected.textMessageHandler(received::add))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            JsonObject greeting = new JsonObject(received.poll(10, TimeUnit.SECONDS));
            assertThat(greeting.getString("service")).isEqualTo("pulse");
            assertThat(greeting.getString("path")).isEqualTo("/pulse/ws");
            assertThat(greeting.getString("query")).isEqualTo("token=plrm_live_abc");
            assertThat(greeting.getJsonObject("headers").getString("x-forwarded-for")).isIn(LOOPBACK_V4, LOOPBACK_V6);
            assertThat(greeting.getJsonObject("headers").getString("x-request-id")).isNotBlank();

            socket.writeTextMessage("{\"type\":\"ping\"}");
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"ping\"}");
            socket.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    void shouldTagMetricsWithRouteTemplateRatherThanIds() {
        echoed(given().get("/api/v1/experiences/XyZ98765"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("uri=\"/api/v1/experiences/**\"").doesNotContain("XyZ98765");
    }

    private static JsonPath echoed(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    private static RawResponse rawGet(String path) throws Exception {
        // RestAssured's client normalises dot segments away; the JDK's sends the path as written.
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new RawResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), new JsonObject(response.body()));
        }
    }

    private record RawResponse(int status, String contentType, JsonObject body) {
    }
}
