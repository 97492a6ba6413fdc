package io.plurum.gateway.proxy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** The gateway's own errors as RFC 9457 problem details, with the type URIs the services use. */
record Problem(int status, String slug, String title, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://plurum.dev/problems/";

    /** Unknown and internal paths alike, so that a refusal does not reveal that something is there. */
    static Problem notFound() {
        return new Problem(404, "not-found", "Not found", "No resource at this path.");
    }

    /**
     * 502 for an upstream that cannot be reached or broke off, 504 for one that took too long: the gateway itself
     * is fine in both cases, so 503 (which says the responder is unavailable) would point at the wrong party.
     */
    static Problem upstreamFailed(Upstream upstream, Throwable failure) {
        if (causedBy(failure, TimeoutException.class)) {
            return new Problem(504, "gateway-timeout", "Gateway timeout",
                    "The " + upstream.displayName() + " did not answer in time.");
        }
        String reason = causedBy(failure, ConnectException.class) ? " is not reachable." : " failed to answer.";
        return new Problem(502, "bad-gateway", "Bad gateway", "The " + upstream.displayName() + reason);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    Buffer toJson() {
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .toBuffer();
    }

    void send(HttpServerResponse response) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE).end(toJson());
    }
}
