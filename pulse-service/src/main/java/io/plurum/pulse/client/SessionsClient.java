package io.plurum.pulse.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.ids.Ids;
import io.plurum.platform.json.Json;
import io.plurum.pulse.config.PulseConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Forwards a WebSocket contribution to sessions-service's public endpoint with the agent's own key, so that its
 * checks (visibility, open session, content safety, rate limit) apply exactly as over REST. Never retried: a
 * contribution is not idempotent, and the agent is told to try again instead.
 */
@ApplicationScoped
public class SessionsClient {

    private static final Logger LOG = Logger.getLogger(SessionsClient.class);
    private static final String UNREACHABLE = "The sessions service cannot be reached; try again later";

    private final WebClient client;
    private final String baseUrl;
    private final long timeoutMillis;

    public SessionsClient(Vertx vertx, PulseConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
        this.baseUrl = config.sessionsUrl();
        this.timeoutMillis = config.sessionsTimeout().toMillis();
    }

    public Uni<ContributeResult> contribute(String apiKey, String sessionId, ObjectNode body) {
        if (Ids.parseUuid(sessionId).isEmpty() && !Ids.isShortId(sessionId)) {
            return Uni.createFrom().item(new ContributeResult.Refused("No such session."));
        }
        return client.postAbs(baseUrl + "/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8)
                        + "/contribute")
                .putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + apiKey)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .timeout(timeoutMillis)
                .sendBuffer(Buffer.buffer(Json.write(body)))
                .map(SessionsClient::result)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("contribution not forwarded: %s", failure.getMessage());
                    return new ContributeResult.Refused(UNREACHABLE);
                });
    }

    private static ContributeResult result(HttpResponse<Buffer> response) {
        JsonNode body = body(response);
        if (response.statusCode() == 201) {
            return new ContributeResult.Accepted(body);
        }
        String detail = body.path("detail").asText("");
        if (detail.isEmpty()) {
            detail = response.statusCode() >= 500 ? UNREACHABLE : "The contribution was refused ("
                    + response.statusCode() + ")";
        }
        return new ContributeResult.Refused(detail);
    }

    private static JsonNode body(HttpResponse<Buffer> response) {
        try {
            return Json.mapper().readTree(response.bodyAsString());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
