package io.plurum.agents.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.testing.OpenApiKeys;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class AgentResourceTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** Each registration comes from its own address, so tests do not share the hourly limit. */
    static String newClientIp() {
        int n = CLIENTS.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    static String uniqueUsername(String base) {
        String name = base + "-" + Long.toString(System.nanoTime(), 36);
        return name.length() <= 40 ? name : name.substring(name.length() - 40);
    }

    static Response register(String username) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .body(Map.of("name", "Agent " + username, "username", username))
                .post("/agents/register");
    }

    static String registerKey(String username) {
        return register(username).then().statusCode(201).extract().path("api_key");
    }

    @Test
    void shouldRegisterAndShowTheKeyOnce() {
        String username = uniqueUsername("claude-coder");
        register(username).then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Agent " + username))
                .body("username", equalTo(username))
                .body("api_key", matchesPattern("plrm_live_[A-Za-z0-9]{38}"))
                .body("message", containsString("Store it securely"))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.+Z"))
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "4");
    }

    @Test
    void shouldIgnoreUnknownFields() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .body(Map.of("name", "A", "username", uniqueUsername("extra"), "favourite_colour", "teal"))
                .post("/agents/register").then().statusCode(201);
    }

    @Test
    void shouldRejectMalformedJson() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .body("{\"name\": \"A\", \"username\": ").post("/agents/register").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void shouldRejectMissingFieldsNamingEach() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .body("{}").post("/agents/register").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "username"));
    }

    @Test
    void shouldRejectEmptyBody() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .post("/agents/register").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectWrongTypes() {
        given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .body("{\"name\": \"A\", \"username\": [1, 2]}").post("/agents/register").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void shouldRejectBadUsernames() {
        for (String bad : new String[] {"ab", "Upper-Case", "has space", "dots.are.out", "x".repeat(41), ""}) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                    .body(Map.of("name", "A", "username", bad)).post("/agents/register").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItems("username"));
        }
    }

    @Test
    void shouldRejectDuplicateUsernameWith409() {
        String username = uniqueUsername("dup");
        register(username).then().statusCode(201);
        register(username).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(username));
    }

    @Test
    void shouldRejectOversizedBodyWith413() {
        String huge = "x".repeat(1_100_000);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", newClientIp())
                .body(Map.of("name", huge, "username", uniqueUsername("big"))).post("/agents/register").then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTheSixthRegistrationInAnHourFromOneAddress() {
        String ip = newClientIp();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                    .body(Map.of("name", "A", "username", uniqueUsername("burst" + i))).post("/agents/register")
                    .then().statusCode(201).header("RateLimit-Remaining", String.valueOf(4 - i));
        }
        Response refused = given().contentType(ContentType.JSON).header("X-Forwarded-For", ip)
                .body(Map.of("name", "A", "username", uniqueUsername("burst6"))).post("/agents/register");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .header("Retry-After", notNullValue());
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3000L, 3601L);
        // Another address is not affected.
        register(uniqueUsername("other")).then().statusCode(201);
    }

    @Test
    void shouldShowOwnProfileWithStats() {
        String username = uniqueUsername("me");
        String key = registerKey(username);
        given().auth().oauth2(key).get("/agents/me").then()
                .statusCode(200)
                .body("username", equalTo(username))
                .body("name", equalTo("Agent " + username))
                .body("created_at", notNullValue())
                .body("stats.sessions", equalTo(0))
                .body("stats.experiences", equalTo(0))
                .body("stats.outcomes_reported", equalTo(0))
                .body("stats.contributions", equalTo(0))
                .body("$", not(org.hamcrest.Matchers.hasKey("api_key")));
    }

    @Test
    void shouldShowEachAgentOnlyItsOwnProfile() {
        String alice = uniqueUsername("alice");
        String bob = uniqueUsername("bob");
        String aliceKey = registerKey(alice);
        String bobKey = registerKey(bob);
        given().auth().oauth2(aliceKey).get("/agents/me").then().statusCode(200).body("username", equalTo(alice));
        given().auth().oauth2(bobKey).get("/agents/me").then().statusCode(200).body("username", equalTo(bob));
    }

    @Test
    void shouldRefuseMissingOrInvalidKeys() {
        given().get("/agents/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer nonsense").get("/agents/me").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/agents/me").then().statusCode(401);
        // Well formed (valid checksum) but never issued.
        given().auth().oauth2(ApiKeys.generate()).get("/agents/me").then().statusCode(401)
                .contentType("application/problem+json");
        String key = registerKey(uniqueUsername("typo"));
        String typo = key.substring(0, 15) + (key.charAt(15) == 'a' ? 'b' : 'a') + key.substring(16);
        given().auth().oauth2(typo).get("/agents/me").then().statusCode(401);
    }

    @Test
    void shouldRotateKeyAndRefuseTheOldOne() {
        String username = uniqueUsername("rotator");
        String oldKey = registerKey(username);
        String otherKey = registerKey(uniqueUsername("bystander"));
        String newKey = given().auth().oauth2(oldKey).contentType(ContentType.JSON)
                .post("/agents/me/rotate-key").then()
                .statusCode(200)
                .body("api_key", matchesPattern("plrm_live_[A-Za-z0-9]{38}"))
                .body("id", notNullValue())
                .body("message", containsString("old key"))
                .extract().path("api_key");
        assertThat(newKey).isNotEqualTo(oldKey);
        given().auth().oauth2(oldKey).get("/agents/me").then().statusCode(401);
        given().auth().oauth2(oldKey).post("/agents/me/rotate-key").then().statusCode(401);
        given().auth().oauth2(newKey).get("/agents/me").then().statusCode(200).body("username", equalTo(username));
        given().auth().oauth2(otherKey).get("/agents/me").then().statusCode(200);
    }

    @Test
    void shouldRefuseRotationWithoutKey() {
        given().post("/agents/me/rotate-key").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerUnknownPathsWithProblem() {
        given().get("/agents/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerInternalCredentialLookups() {
        String key = registerKey(uniqueUsername("lookup"));
        given().get("/internal/credentials/" + ApiKeys.hash(key)).then()
                .statusCode(200).body("active", equalTo(true)).body("agent_id", notNullValue());
        given().get("/internal/credentials/" + ApiKeys.hash(ApiKeys.generate())).then().statusCode(404);
        given().get("/internal/credentials/not-a-hash").then().statusCode(400);
    }

    @Test
    void shouldDocumentWhichOperationsNeedAKey() {
        OpenApiKeys.assertDocumented(AgentResource.class);
    }
}
