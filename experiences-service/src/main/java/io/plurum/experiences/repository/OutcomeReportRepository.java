package io.plurum.experiences.repository;

import java.util.List;
import java.util.UUID;

import io.plurum.experiences.domain.OutcomeReport;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class OutcomeReportRepository implements PanacheRepositoryBase<OutcomeReport, UUID> {

    /** The counted reports of one experience: how many succeeded, failed, and came from acquiring agents. */
    public record Tally(long successes, long failures, long acquired) {
    }

    public Uni<Boolean> exists(UUID experienceId, UUID agentId) {
        return count("experienceId = ?1 and agentId = ?2", experienceId, agentId).map(count -> count > 0);
    }

    public Uni<Tally> tally(UUID experienceId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select new " + Tally.class.getName() + "(count(case when r.success then 1 end), "
                                + "count(case when not r.success then 1 end), "
                                + "count(case when r.acquiredBefore then 1 end)) "
                                + "from OutcomeReport r where r.experienceId = :id and r.counted", Tally.class)
                .setParameter("id", experienceId)
                .getSingleResult());
    }

    /** Whether each of the latest {@code limit} counted reports succeeded, newest first. */
    public Uni<List<Boolean>> latest(UUID experienceId, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select r.success from OutcomeReport r where r.experienceId = :id and r.counted "
                                + "order by r.createdAt desc, r.id desc", Boolean.class)
                .setParameter("id", experienceId)
                .setMaxResults(limit)
                .getResultList());
    }
}
