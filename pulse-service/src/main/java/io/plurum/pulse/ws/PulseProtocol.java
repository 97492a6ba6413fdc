package io.plurum.pulse.ws;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.json.Json;
import io.plurum.pulse.client.ContributeResult;
import io.plurum.pulse.client.SessionsClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What an authenticated agent may send, and the answers. A bad message gets an error; the connection stays. */
@ApplicationScoped
public class PulseProtocol {

    static final String UNREADABLE = "Send a JSON object with a type";
    static final String MISSING_FIELDS = "Missing session_id or content";

    private final SessionsClient sessions;

    public PulseProtocol(SessionsClient sessions) {
        this.sessions = sessions;
    }

    /** The message as a JSON object with a textual type, if it is one. */
    static Optional<ObjectNode> parse(String text) {
        try {
            return Json.mapper().readTree(text) instanceof ObjectNode message && message.path("type").isTextual()
                    ? Optional.of(message) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    Uni<Void> handle(Client client, String text) {
        Optional<ObjectNode> parsed = parse(text);
        if (parsed.isEmpty()) {
            client.send(Messages.error(UNREADABLE));
            return Uni.createFrom().voidItem();
        }
        ObjectNode message = parsed.get();
        String type = message.get("type").asText();
        switch (type) {
            case "ping" -> client.send(Messages.pong());
            case "contribute" -> {
                return contribute(client, message);
            }
            case "auth" -> client.send(Messages.error("Already authenticated"));
            default -> client.send(Messages.error("Unknown message type: " + abbreviate(type)));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> contribute(Client client, ObjectNode message) {
        JsonNode sessionId = message.path("session_id");
        JsonNode content = message.path("content");
        boolean hasContent = content.isObject() && !content.isEmpty()
                || content.isTextual() && !content.asText().isBlank();
        if (!sessionId.isTextual() || sessionId.asText().isBlank() || !hasContent) {
            client.send(Messages.error(MISSING_FIELDS));
            return Uni.createFrom().voidItem();
        }
        ObjectNode body = Json.mapper().createObjectNode();
        // PULSE.md shows content as an object; a bare string is taken as its text, as agents often send one.
        body.set("content", content.isTextual() ? Json.mapper().createObjectNode().put("text", content.asText())
                : content);
        JsonNode type = message.path("contribution_type");
        if (!type.isMissingNode() && !type.isNull()) {
            body.set("contribution_type", type);
        }
        return sessions.contribute(client.apiKey(), sessionId.asText().strip(), body)
                .invoke(result -> client.send(switch (result) {
                    case ContributeResult.Accepted accepted -> Messages.contributeOk(accepted.contribution());
                    case ContributeResult.Refused refused -> Messages.error(refused.message());
                }))
                .replaceWithVoid();
    }

    /** Echoes at most a short prefix of what the agent sent. */
    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
