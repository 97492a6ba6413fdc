package io.plurum.pulse.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plurum.pulse.config.PulseConfig;
import io.plurum.pulse.service.Notification;
import io.plurum.pulse.service.PresenceService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** This replica's authenticated connections, by connection and by agent (an agent may hold several). */
@ApplicationScoped
public class Clients {

    static final CloseReason REVOKED = new CloseReason(4001, Messages.KEY_REVOKED);
    private static final Logger LOG = Logger.getLogger(Clients.class);

    private final Map<String, Client> byConnection = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Client>> byAgent = new ConcurrentHashMap<>();
    private final PresenceService presence;
    private final KeyAuthenticator keys;
    private final Counter pushed;
    private final Counter dropped;
    private final Vertx vertx;
    private final Duration revocationCheck;

    public Clients(PresenceService presence, KeyAuthenticator keys, MeterRegistry metrics, Vertx vertx,
                   PulseConfig config) {
        this.presence = presence;
        this.keys = keys;
        this.vertx = vertx;
        this.revocationCheck = config.ws().revocationCheck();
        metrics.gauge("pulse.ws.connections", byConnection, Map::size);
        this.pushed = metrics.counter("pulse.ws.pushed");
        this.dropped = metrics.counter("pulse.ws.dropped");
    }

    void add(Client client) {
        byConnection.put(client.id(), client);
        byAgent.computeIfAbsent(client.agentId(), agent -> ConcurrentHashMap.newKeySet()).add(client);
        presence.connected(client.agentId());
    }

    void remove(String connectionId) {
        Client client = byConnection.remove(connectionId);
        if (client == null) {
            return;
        }
        byAgent.computeIfPresent(client.agentId(), (agent, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        });
        presence.disconnected(client.agentId());
    }

    Runnable dropCounter() {
        return dropped::increment;
    }

    public boolean isEmpty() {
        return byConnection.isEmpty();
    }

    /**
     * Pushes the notification to every connection its recipients hold on this replica. Recipients with the same
     * reason get the same message, built once: a session often reaches hundreds for one reason. The writes are
     * handed to each event loop in one task, which writes to all of its connections (a task per write, from this
     * thread, cost a cross-thread hand-off each).
     */
    public void deliver(Notification notification) {
        Map<String, String> byReason = new HashMap<>();
        Map<Executor, List<Runnable>> byLoop = new HashMap<>();
        for (Notification.Delivery delivery : notification.deliveries()) {
            Set<Client> clients = byAgent.get(delivery.recipient());
            if (clients != null) {
                String message = byReason.computeIfAbsent(delivery.reason(),
                        reason -> Messages.push(notification.event().wireType(), notification.dataFor(delivery)));
                for (Client client : clients) {
                    byLoop.computeIfAbsent(client.loop(), loop -> new ArrayList<>()).add(() -> client.send(message));
                }
                pushed.increment(clients.size());
            }
        }
        byLoop.forEach((loop, writes) -> loop.execute(() -> writes.forEach(Runnable::run)));
    }

    /** The scheduler cannot tick faster than once a second; the revocation check must. */
    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(revocationCheck.toMillis(), timer -> closeRevoked());
    }

    /** A rotated key is refused everywhere within a second; its open connections are closed too. */
    void closeRevoked() {
        byConnection.values().stream().filter(client -> keys.isRevoked(client.keyHash())).forEach(client -> {
            remove(client.id());
            client.close(Messages.KEY_REVOKED, REVOKED).subscribe().with(closed -> {
            }, failure -> LOG.debugf("closing a revoked connection failed: %s", failure.getMessage()));
        });
    }
}
