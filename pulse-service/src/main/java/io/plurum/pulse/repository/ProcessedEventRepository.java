package io.plurum.pulse.repository;

import java.time.Instant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The platform's record of applied event ids, which this service prunes for its own consumer. */
@ApplicationScoped
public class ProcessedEventRepository {

    /** Joins the caller's transaction. */
    public Uni<Integer> deleteBefore(String consumer, Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from processed_event where consumer = :consumer and processed_at < :cutoff")
                .setParameter("consumer", consumer)
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }
}
