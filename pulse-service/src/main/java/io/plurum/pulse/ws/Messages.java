package io.plurum.pulse.ws;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.json.Json;

/** The messages the server sends, in the shapes PULSE.md documents. */
final class Messages {

    static final String AUTHENTICATION_FAILED = "Authentication failed";
    static final String AUTHENTICATION_TIMED_OUT = "Authentication timed out";
    static final String AUTHENTICATION_UNAVAILABLE = "Authentication is unavailable right now; try again later";
    static final String KEY_REVOKED = "The API key is no longer valid";

    private Messages() {
    }

    static String authOk(UUID agentId) {
        ObjectNode message = typed("auth_ok");
        message.put("agent_id", agentId.toString());
        return Json.write(message);
    }

    static String error(String text) {
        ObjectNode message = typed("error");
        message.put("message", text);
        return Json.write(message);
    }

    static String pong() {
        return Json.write(typed("pong"));
    }

    static String contributeOk(JsonNode contribution) {
        ObjectNode message = typed("contribute_ok");
        message.set("data", contribution);
        return Json.write(message);
    }

    static String push(String type, ObjectNode data) {
        ObjectNode message = typed(type);
        message.set("data", data);
        return Json.write(message);
    }

    private static ObjectNode typed(String type) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("type", type);
        return message;
    }
}
