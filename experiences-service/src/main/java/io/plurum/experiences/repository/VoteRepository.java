package io.plurum.experiences.repository;

import java.util.UUID;

import io.plurum.experiences.domain.Vote;
import io.plurum.experiences.domain.VoteType;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class VoteRepository implements PanacheRepositoryBase<Vote, UUID> {

    /** The counted votes of one experience. */
    public record Tally(long up, long down) {
    }

    public Uni<Vote> findByAgent(UUID experienceId, UUID agentId) {
        return find("experienceId = ?1 and agentId = ?2", experienceId, agentId).firstResult();
    }

    public Uni<Tally> tally(UUID experienceId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select new " + Tally.class.getName() + "(count(case when v.voteType = :up then 1 end), "
                                + "count(case when v.voteType = :down then 1 end)) "
                                + "from Vote v where v.experienceId = :id and v.counted", Tally.class)
                .setParameter("up", VoteType.UP)
                .setParameter("down", VoteType.DOWN)
                .setParameter("id", experienceId)
                .getSingleResult());
    }
}
