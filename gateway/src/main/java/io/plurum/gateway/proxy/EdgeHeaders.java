package io.plurum.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The headers only the edge may vouch for, rewritten on the incoming request itself so that whatever forwards it
 * (the HTTP proxy or the WebSocket bridge) carries the same values.
 */
final class EdgeHeaders {

    static final String REQUEST_ID = "X-Request-Id";
    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED = "Forwarded";
    /** The same shape the services accept, so an id survives every hop and the logs line up. */
    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final boolean trustForwardedHeaders;

    EdgeHeaders(boolean trustForwardedHeaders) {
        this.trustForwardedHeaders = trustForwardedHeaders;
    }

    /** Rewrites the request's forwarding headers and request id; returns the request id. */
    String apply(HttpServerRequest request) {
        MultiMap headers = request.headers();
        String peer = request.remoteAddress().hostAddress();
        String host = request.getHeader(HttpHeaders.HOST);
        if (trustForwardedHeaders) {
            String chain = String.join(", ", headers.getAll(FORWARDED_FOR));
            headers.set(FORWARDED_FOR, chain.isEmpty() ? peer : chain + ", " + peer);
            setIfAbsent(headers, FORWARDED_PROTO, request.scheme());
            setIfAbsent(headers, FORWARDED_HOST, host);
        } else {
            // RFC 7239 carries the same claims as X-Forwarded-*: left in place, it would smuggle a forged client.
            headers.remove(FORWARDED);
            headers.set(FORWARDED_FOR, peer);
            headers.set(FORWARDED_PROTO, request.scheme());
            setOrRemove(headers, FORWARDED_HOST, host);
        }
        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || !WELL_FORMED_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        headers.set(REQUEST_ID, requestId);
        return requestId;
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name) && value != null) {
            headers.set(name, value);
        }
    }

    private static void setOrRemove(MultiMap headers, String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.set(name, value);
        }
    }
}
