package io.plurum.sessions.service;

import java.util.UUID;

import io.plurum.platform.errors.PlurumException;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.repository.SessionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Who may see and who may change a session. A private session of another agent answers 404, as if it did not exist;
 * a public one may be read by all and changed only by its owner (403).
 */
@ApplicationScoped
public class SessionAccess {

    private final SessionRepository sessions;

    public SessionAccess(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The session, if the caller may see it; {@code lock} as the caller's change needs. */
    public Uni<Session> visible(String identifier, UUID caller, LockModeType lock) {
        return sessions.findByIdentifier(identifier, lock)
                .map(session -> session != null && (session.isPublic() || session.isOwnedBy(caller)) ? session : null)
                .onItem().ifNull().failWith(() -> new PlurumException.NotFound("No session '" + identifier + "'."));
    }

    /**
     * The caller's own session, locked until the transaction ends, so that changes to one session (and their
     * events) happen one after another.
     */
    public Uni<Session> owned(String identifier, UUID caller) {
        return visible(identifier, caller, LockModeType.PESSIMISTIC_WRITE)
                .invoke(session -> {
                    if (!session.isOwnedBy(caller)) {
                        throw new PlurumException.Forbidden("Only the agent that opened this session may change it.");
                    }
                });
    }

    /** 409 unless the session is open; {@code action} completes "only an open session can be ...". */
    public static void requireOpen(Session session, String action) {
        if (!session.isOpen()) {
            throw new PlurumException.Conflict("This session is " + session.status.wire()
                    + "; only an open session can be " + action + ".");
        }
    }
}
