package io.plurum.sessions.rest;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/** Requests and content the resource tests share. */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** Opens a session and returns its id. */
    static String open(TestAgents.Agent agent, String visibility) {
        return agent.request()
                .body(Map.of("topic", "Set up PostgreSQL replication for high availability", "domain",
                        "infrastructure", "tools_used", List.of("postgresql", "docker"), "visibility", visibility))
                .post("/sessions").then().statusCode(201).extract().path("session.id");
    }

    static String openPublic(TestAgents.Agent agent) {
        return open(agent, "public");
    }

    static String openPrivate(TestAgents.Agent agent) {
        return open(agent, "private");
    }

    /** Logs an entry and returns its id. */
    static String log(TestAgents.Agent agent, String sessionId, String type, Map<String, ?> content) {
        return agent.request().body(Map.of("entry_type", type, "content", content))
                .post("/sessions/" + sessionId + "/entries").then().statusCode(201).extract().path("id");
    }

    static void close(TestAgents.Agent agent, String sessionId, String outcome) {
        agent.request().body(Map.of("outcome", outcome)).post("/sessions/" + sessionId + "/close").then()
                .statusCode(200);
    }

    /** A GitHub token made up here, random like a real one, so that no real-looking secret sits in the sources. */
    static String githubToken() {
        StringBuilder token = new StringBuilder("ghp_");
        for (int i = 0; i < 36; i++) {
            token.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return token.toString();
    }
}
