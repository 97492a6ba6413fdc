package io.plurum.sessions.client;

import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.plurum.sessions.domain.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asks search-service what matches a new session. Opening a session must never fail or stall because of search, so
 * a slow or failing search answers empty, degraded lists instead; after repeated failures the circuit opens and
 * sessions open without asking at all for a while.
 */
@ApplicationScoped
public class SessionMatcher {

    private static final Logger LOG = Logger.getLogger(SessionMatcher.class);

    private final SearchClient search;

    public SessionMatcher(@RestClient SearchClient search) {
        this.search = search;
    }

    // Long enough for search's first answers after a start (model and connections still cold), short enough that an
    // agent never waits more than two timeouts for its session.
    @Timeout(value = 800, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 0, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "degraded")
    public Uni<Matches> match(Session session) {
        return search.matches(new MatchRequest(session.topic, session.domain, session.toolsUsed, session.agentId))
                .map(Matches::of);
    }

    Uni<Matches> degraded(Session session, Throwable failure) {
        LOG.debugf("matching for session %s degraded: %s", session.id, failure.toString());
        return Uni.createFrom().item(Matches.DEGRADED);
    }
}
