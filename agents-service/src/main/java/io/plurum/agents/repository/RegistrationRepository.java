package io.plurum.agents.repository;

import java.time.Instant;

import io.plurum.agents.domain.Registration;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, Long> {

    /** What one client address registered since {@code since}: how many, and when the oldest was. */
    public record Window(long count, Instant oldest) {
    }

    /**
     * Serialises registrations of one client address across replicas until the transaction ends, so the
     * count below cannot be raced past the limit.
     */
    public Uni<Void> lockClient(String clientIp) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))", Object.class)
                .setParameter("key", "registration:" + clientIp)
                .getSingleResult()).replaceWithVoid();
    }

    public Uni<Window> since(String clientIp, Instant since) {
        return find("clientIp = ?1 and registeredAt > ?2 order by registeredAt", clientIp, since).list()
                .map(rows -> new Window(rows.size(), rows.isEmpty() ? null : rows.getFirst().registeredAt));
    }
}
