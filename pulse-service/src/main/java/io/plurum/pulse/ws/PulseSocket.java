package io.plurum.pulse.ws;

import java.util.Optional;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.pulse.config.PulseConfig;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

/**
 * {@code /pulse/ws}. The agent authenticates with {@code ?token=KEY} or with a first message
 * {@code {"type":"auth","api_key":"..."}}; anything else first, a bad key, or silence for
 * {@code plurum.pulse.ws.auth-timeout} closes the connection after an error message. Until authentication has
 * finished, later messages wait for it, so a client may send right after connecting.
 */
@WebSocket(path = "/pulse/ws")
public class PulseSocket {

    static final CloseReason AUTH_FAILED = new CloseReason(4001, Messages.AUTHENTICATION_FAILED);
    static final CloseReason AUTH_TIMED_OUT = new CloseReason(4008, Messages.AUTHENTICATION_TIMED_OUT);
    static final CloseReason AUTH_UNAVAILABLE = new CloseReason(1013, "Try again later");
    private static final Logger LOG = Logger.getLogger(PulseSocket.class);
    /** The connection's client once authenticated; a null item when authentication failed. */
    private static final UserData.TypedKey<Uni<Client>> CLIENT = new UserData.TypedKey<>("plurum.pulse.client");

    private final KeyAuthenticator keys;
    private final Clients clients;
    private final PulseProtocol protocol;
    private final Vertx vertx;
    private final PulseConfig.Ws config;

    public PulseSocket(KeyAuthenticator keys, Clients clients, PulseProtocol protocol, Vertx vertx,
                       PulseConfig config) {
        this.keys = keys;
        this.clients = clients;
        this.protocol = protocol;
        this.vertx = vertx;
        this.config = config.ws();
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        Optional<String> token = QueryString.first(connection.handshakeRequest().query(), "token");
        if (token.isPresent()) {
            return authenticate(connection, token.get());
        }
        vertx.setTimer(config.authTimeout().toMillis(), timer -> {
            if (connection.userData().get(CLIENT) == null && connection.isOpen()) {
                reject(connection, Messages.AUTHENTICATION_TIMED_OUT, AUTH_TIMED_OUT).subscribe().with(rejected -> {
                });
            }
        });
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> message(WebSocketConnection connection, String text) {
        Uni<Client> client = connection.userData().get(CLIENT);
        if (client == null) {
            return authenticate(connection, apiKeyOf(text));
        }
        return client.chain(authenticated -> authenticated == null ? Uni.createFrom().voidItem()
                : protocol.handle(authenticated, text));
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection connection) {
        clients.remove(connection.id());
    }

    /** The key of a first message that is an auth message; null for anything else. */
    private static String apiKeyOf(String text) {
        return PulseProtocol.parse(text)
                .filter(message -> "auth".equals(message.get("type").asText()))
                .map(message -> message.path("api_key"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .orElse(null);
    }

    private Uni<Void> authenticate(WebSocketConnection connection, String key) {
        Uni<Client> client = (key == null ? reject(connection, Messages.AUTHENTICATION_FAILED, AUTH_FAILED)
                : keys.authenticate(key)
                        .chain(found -> found.isPresent() ? accept(connection, found.get(), key)
                                : reject(connection, Messages.AUTHENTICATION_FAILED, AUTH_FAILED))
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("WebSocket authentication unavailable: %s", failure.getMessage());
                            return reject(connection, Messages.AUTHENTICATION_UNAVAILABLE, AUTH_UNAVAILABLE);
                        }))
                .memoize().indefinitely();
        connection.userData().put(CLIENT, client);
        return client.replaceWithVoid();
    }

    private Uni<Client> accept(WebSocketConnection connection, KeyAuthenticator.Authenticated agent, String key) {
        Client client = new Client(connection, agent.agentId(), agent.keyHash(), key, config.sendBuffer(),
                clients.dropCounter(), eventLoopOf(Vertx.currentContext()));
        // Queued before the client is registered, so that no push can overtake it.
        client.send(Messages.authOk(agent.agentId()));
        clients.add(client);
        if (connection.isClosed()) {
            // The agent left while its key was being checked; @OnClose ran before there was anything to remove.
            clients.remove(connection.id());
        }
        return Uni.createFrom().item(client);
    }

    /** The event loop the connection's callbacks run on; the caller's thread when there is none. */
    private static Executor eventLoopOf(Context context) {
        return context instanceof ContextInternal internal ? internal.nettyEventLoop() : Runnable::run;
    }

    private static Uni<Client> reject(WebSocketConnection connection, String error, CloseReason reason) {
        return connection.sendText(Messages.error(error)).onFailure().recoverWithNull()
                .chain(() -> connection.close(reason)).onFailure().recoverWithNull()
                .replaceWith((Client) null);
    }
}
