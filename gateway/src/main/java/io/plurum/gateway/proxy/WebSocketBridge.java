package io.plurum.gateway.proxy;

import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * WebSocket upgrades, bridged message by message between a server and a client WebSocket. vertx-http-proxy 4.5 does
 * tunnel upgrades, but with the caller's own URI and headers: the public prefix would reach the upstream, and a
 * forged X-Forwarded-For with it.
 */
final class WebSocketBridge {

    private static final Logger LOG = Logger.getLogger(WebSocketBridge.class);
    /**
     * Hop-by-hop and handshake headers, which the client connection makes anew. Subprotocols are not offered
     * upstream: the server side could not accept the one the upstream picks, and Plurum uses none.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "upgrade", "keep-alive",
            "te", "trailer", "transfer-encoding", "content-length", "proxy-authorization", "sec-websocket-key",
            "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-protocol");
    /** Close codes that only report a state and must never be sent in a close frame (RFC 6455, 7.4.1). */
    private static final Set<Short> UNSENDABLE_CLOSE_CODES = Set.of((short) 1005, (short) 1006, (short) 1015);

    private final WebSocketClient client;
    private final long timeoutMillis;

    WebSocketBridge(WebSocketClient client, long timeoutMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    /** Opens the upstream WebSocket first, so that a refusal can still be answered as plain HTTP. */
    void connect(HttpServerRequest request, Endpoint endpoint, String uri) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.ssl())
                .setURI(uri)
                .setTimeout(timeoutMillis);
        request.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        client.connect(options).onComplete(connected -> {
            if (connected.failed()) {
                refuse(request.response(), endpoint.upstream(), connected.cause());
                return;
            }
            WebSocket upstream = connected.result();
            // Held until the caller's side is upgraded too, or a greeting sent at once (auth_ok) would be lost.
            upstream.pause();
            request.toWebSocket().onComplete(accepted -> {
                if (accepted.succeeded()) {
                    bridge(accepted.result(), upstream);
                    upstream.resume();
                } else {
                    upstream.close();
                }
            });
        });
    }

    private static void refuse(HttpServerResponse response, Upstream upstream, Throwable failure) {
        if (failure instanceof UpgradeRejectedException rejected) {
            // The upstream's own answer, such as a 401 or 404 problem, is the caller's business.
            String contentType = rejected.getHeaders().get(HttpHeaders.CONTENT_TYPE);
            if (contentType != null) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
            }
            Buffer body = rejected.getBody();
            response.setStatusCode(rejected.getStatus()).end(body == null ? Buffer.buffer() : body);
            return;
        }
        Problem problem = Problem.upstreamFailed(upstream, failure);
        LOG.warnf("%s for WebSocket upgrade to the %s: %s", problem.status(), upstream.displayName(),
                failure.getMessage());
        problem.send(response);
    }

    private static void bridge(ServerWebSocket caller, WebSocket upstream) {
        forward(caller, upstream);
        forward(upstream, caller);
    }

    private static void forward(WebSocketBase from, WebSocketBase to) {
        from.textMessageHandler(text -> {
            to.writeTextMessage(text);
            throttle(from, to);
        });
        from.binaryMessageHandler(data -> {
            to.writeBinaryMessage(data);
            throttle(from, to);
        });
        from.closeHandler(closed -> close(to, from.closeStatusCode(), from.closeReason()));
        from.exceptionHandler(failure -> to.close());
    }

    /** A slow reader on one side must not make the gateway queue without bound for the other. */
    private static void throttle(WebSocketBase from, WebSocketBase to) {
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(drained -> from.resume());
        }
    }

    private static void close(WebSocketBase socket, Short status, String reason) {
        if (status == null || UNSENDABLE_CLOSE_CODES.contains(status)) {
            socket.close();
        } else {
            socket.close(status, reason);
        }
    }
}
