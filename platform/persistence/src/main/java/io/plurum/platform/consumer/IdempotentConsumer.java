package io.plurum.platform.consumer;

import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies an event's side effect at most once per consumer: the event id is recorded in the same transaction
 * as the side effect, so a redelivered event (at-least-once delivery) changes nothing.
 */
@ApplicationScoped
public class IdempotentConsumer {

    /** Runs {@code sideEffect} in one transaction unless {@code consumer} already applied {@code eventId}. */
    public Uni<Boolean> applyOnce(String consumer, UUID eventId, Supplier<Uni<?>> sideEffect) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into processed_event (consumer, event_id) values (:consumer, :eventId) "
                        + "on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate()
                .chain(inserted -> inserted == 1
                        ? sideEffect.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE))));
    }
}
