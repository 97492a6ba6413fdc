package io.plurum.experiences.repository;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Which agents acquired which experience; a plain table, written once per agent and experience. */
@ApplicationScoped
public class AcquisitionRepository {

    /** Records that {@code agentId} acquired the experience; false when it already had. */
    public Uni<Boolean> record(UUID experienceId, UUID agentId, Instant now) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into acquisition (experience_id, agent_id, acquired_at) "
                        + "values (:experience, :agent, :at) on conflict do nothing")
                .setParameter("experience", experienceId)
                .setParameter("agent", agentId)
                .setParameter("at", now)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    public Uni<Boolean> exists(UUID experienceId, UUID agentId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from acquisition where experience_id = :experience "
                        + "and agent_id = :agent", Long.class)
                .setParameter("experience", experienceId)
                .setParameter("agent", agentId)
                .getSingleResult()
                .map(count -> count > 0));
    }
}
