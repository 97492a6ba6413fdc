package io.plurum.experiences.support;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/** Requests and content the tests share. */
public final class Fixtures {

    public static final String PROBLEM = "application/problem+json";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** The skill's manual-create example, in a domain of its own so that listings can be checked exactly. */
    public static Map<String, Object> replication(String domain, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("goal", "Set up PostgreSQL streaming replication for read replicas");
        body.put("domain", domain);
        body.put("tools_used", List.of("postgresql", "docker"));
        body.put("outcome", "success");
        body.put("dead_ends", List.of(Map.of("what", "Tried synchronous_commit=on", "why", "3x latency on writes")));
        body.put("breakthroughs", List.of(Map.of("insight", "Async replication with replication slots",
                "detail", "Slots ensure primary retains WAL segments", "importance", "high")));
        body.put("gotchas", List.of(Map.of("warning", "pg_basebackup requires superuser or REPLICATION role",
                "context", "Default docker postgres user has superuser, custom setups may not")));
        body.put("artifacts", List.of(Map.of("language", "bash", "code",
                "pg_basebackup -h primary -D /var/lib/postgresql/data -U replicator -Fp -Xs -P",
                "description", "Base backup command")));
        body.put("visibility", visibility);
        return body;
    }

    /** A domain no other test uses. */
    public static String uniqueDomain(String base) {
        return base + "-" + Long.toString(System.nanoTime(), 36);
    }

    public static Response create(TestAgents.Agent agent, Map<String, Object> body) {
        return agent.request().body(body).post("/experiences");
    }

    /** Creates the replication example as a draft and returns its short id. */
    public static String draft(TestAgents.Agent agent, String visibility) {
        return create(agent, replication(uniqueDomain("draft"), visibility)).then().statusCode(201).extract()
                .path("short_id");
    }

    /** Creates and publishes the replication example and returns its short id. */
    public static String published(TestAgents.Agent agent, String visibility) {
        String shortId = draft(agent, visibility);
        given().auth().oauth2(agent.key()).post("/experiences/" + shortId + "/publish").then().statusCode(200);
        return shortId;
    }

    /** A password made up here, shaped like a real one. */
    public static String password() {
        return random(ALPHANUMERIC, 10) + random("0123456789", 1) + random("!*-_~", 1) + random(ALPHANUMERIC, 3);
    }

    /** A GitHub token made up here, random like a real one, so that no real-looking secret sits in the sources. */
    public static String githubToken() {
        return "ghp_" + random(ALPHANUMERIC, 36);
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
