package io.plurum.pulse.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.plurum.pulse.config.PulseConfig;
import io.plurum.pulse.repository.PresenceRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * This replica's part of the shared presence table. Changes are written by one flush at a time, in the order they
 * happened, so a quick connect-disconnect never leaves a ghost row, and a connect storm collapses into a few batched
 * writes. A heartbeat touches one row, the replica's; the replica's rows are rewritten whole only when they may have
 * been lost (at start, after a failed write, after the replica was expired by others).
 */
@ApplicationScoped
public class PresenceService {

    private static final Logger LOG = Logger.getLogger(PresenceService.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final PresenceRepository presence;
    private final Duration expiry;
    private final String replicaId = UUID.randomUUID().toString();
    private final Map<UUID, Integer> connections = new HashMap<>();
    private final Set<UUID> joined = new HashSet<>();
    private final Set<UUID> left = new HashSet<>();
    private boolean rewriteDue = true;
    private boolean flushing;

    public PresenceService(PresenceRepository presence, PulseConfig config) {
        this.presence = presence;
        this.expiry = config.presence().expiry();
    }

    public String replicaId() {
        return replicaId;
    }

    public void connected(UUID agentId) {
        synchronized (this) {
            if (connections.merge(agentId, 1, Integer::sum) == 1) {
                left.remove(agentId);
                joined.add(agentId);
            }
        }
        flush();
    }

    public void disconnected(UUID agentId) {
        synchronized (this) {
            if (connections.computeIfPresent(agentId, (id, count) -> count == 1 ? null : count - 1) == null) {
                joined.remove(agentId);
                left.add(agentId);
            }
        }
        flush();
    }

    @Scheduled(every = "${plurum.pulse.presence.heartbeat:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> heartbeat() {
        return presence.heartbeat(replicaId)
                .invoke(expired -> {
                    if (expired) {
                        LOG.debug("no row for this replica (first heartbeat, or expired by others): rewriting");
                        synchronized (this) {
                            rewriteDue = true;
                        }
                    }
                    flush();
                })
                .chain(() -> presence.deleteExpired(expiry))
                .onFailure().invoke(failure -> LOG.warnf("presence heartbeat failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    void start(@Observes StartupEvent event) {
        flush();
    }

    /** Others would count this replica's agents until its rows expire; a failure here only means they will. */
    void leave(@Observes ShutdownEvent event) {
        presence.removeReplica(replicaId).ifNoItem().after(SHUTDOWN_WAIT).recoverWithItem((Void) null)
                .onFailure().recoverWithNull().await().indefinitely();
    }

    private void flush() {
        Uni<Void> write;
        synchronized (this) {
            if (flushing) {
                return;
            }
            write = nextWrite();
            if (write == null) {
                return;
            }
            flushing = true;
        }
        write.subscribe().with(done -> flushed(), failure -> {
            LOG.warnf("presence not written, rewriting it at the next heartbeat: %s", failure.getMessage());
            synchronized (this) {
                rewriteDue = true;
            }
            flushed();
        });
    }

    private void flushed() {
        synchronized (this) {
            flushing = false;
        }
        if (pending()) {
            flush();
        }
    }

    private synchronized boolean pending() {
        return !joined.isEmpty() || !left.isEmpty();
    }

    /** The write that brings the table up to date, or null when it is; the caller holds the lock. */
    private Uni<Void> nextWrite() {
        if (rewriteDue) {
            rewriteDue = false;
            joined.clear();
            left.clear();
            return presence.replace(replicaId, List.copyOf(connections.keySet()));
        }
        if (joined.isEmpty() && left.isEmpty()) {
            return null;
        }
        List<UUID> toAdd = List.copyOf(joined);
        List<UUID> toRemove = List.copyOf(left);
        joined.clear();
        left.clear();
        return presence.add(replicaId, toAdd).chain(() -> presence.remove(replicaId, toRemove));
    }
}
