package io.plurum.experiences.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.OutcomeReport;
import io.plurum.experiences.domain.Stats;
import io.plurum.experiences.domain.Vote;
import io.plurum.experiences.domain.VoteType;
import io.plurum.experiences.mapping.OutcomeRequest;
import io.plurum.experiences.mapping.OutcomeView;
import io.plurum.experiences.mapping.VoteRequest;
import io.plurum.experiences.mapping.VoteResult;
import io.plurum.experiences.repository.AcquisitionRepository;
import io.plurum.experiences.repository.OutcomeReportRepository;
import io.plurum.experiences.repository.VoteRepository;
import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.ids.Ids;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.plurum.experiences.event.ExperienceEvents;
import io.plurum.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Outcome reports and votes, and the stats they make. The author may report and vote like anyone (an agent that
 * follows the skill reports every experience it used, its own included), but its own reports and votes are kept
 * apart ({@code counted: false}) and never move the score: nobody vouches for their own work.
 *
 * <p>Each change locks the experience row, so the changes to one experience, their recount and their state events
 * happen one after another.
 */
@ApplicationScoped
public class FeedbackService {

    private final ExperienceAccess access;
    private final OutcomeReportRepository reports;
    private final VoteRepository votes;
    private final AcquisitionRepository acquisitions;
    private final ExperienceStates states;
    private final Outbox outbox;

    public FeedbackService(ExperienceAccess access, OutcomeReportRepository reports, VoteRepository votes,
                           AcquisitionRepository acquisitions, ExperienceStates states, Outbox outbox) {
        this.outbox = outbox;
        this.access = access;
        this.reports = reports;
        this.votes = votes;
        this.acquisitions = acquisitions;
        this.states = states;
    }

    /** One report per agent and experience: 409 on the second. */
    @WithTransaction
    public Uni<OutcomeView> reportOutcome(String identifier, UUID caller, OutcomeRequest request) {
        Instant now = ExperienceService.now();
        return access.visible(identifier, caller, LockModeType.PESSIMISTIC_WRITE)
                .call(experience -> reports.exists(experience.id, caller).invoke(reported -> {
                    if (reported) {
                        throw new PlurumException.Conflict("You already reported an outcome for this experience; "
                                + "each agent reports once per experience.");
                    }
                }))
                .chain(experience -> acquisitions.exists(experience.id, caller).chain(acquired -> {
                    OutcomeReport report = new OutcomeReport();
                    report.id = Ids.newId();
                    report.experienceId = experience.id;
                    report.agentId = caller;
                    report.success = request.success();
                    report.executionTimeMs = request.executionTimeMs();
                    report.errorMessage = blankToNull(request.errorMessage());
                    report.contextNotes = blankToNull(request.contextNotes());
                    report.acquiredBefore = acquired;
                    report.counted = !experience.isOwnedBy(caller);
                    report.createdAt = now;
                    return reports.persistAndFlush(report)
                            .chain(() -> outbox.publish(ExperienceEvents.outcomeReported(report)))
                            .chain(() -> report.counted ? recount(experience, now) : Uni.createFrom().voidItem())
                            .replaceWith(() -> OutcomeView.of(report));
                }));
    }

    /** One vote per agent and experience; a new vote replaces the old one. */
    @WithTransaction
    public Uni<VoteResult> vote(String identifier, UUID caller, VoteRequest request) {
        VoteType type = VoteType.parse(request.voteType()).orElseThrow();
        Instant now = ExperienceService.now();
        return access.visible(identifier, caller, LockModeType.PESSIMISTIC_WRITE)
                .chain(experience -> votes.findByAgent(experience.id, caller).chain(existing -> {
                    if (existing != null && existing.voteType == type) {
                        return Uni.createFrom().item(result(experience, existing));
                    }
                    Vote vote = existing != null ? existing : newVote(experience, caller, now);
                    vote.voteType = type;
                    vote.updatedAt = now;
                    return votes.persistAndFlush(vote)
                            .chain(() -> vote.counted ? recount(experience, now) : Uni.createFrom().voidItem())
                            .replaceWith(() -> result(experience, vote));
                }));
    }

    /** Counts the reports and votes again (one after another: a reactive session runs one query at a time). */
    private Uni<Void> recount(Experience experience, Instant now) {
        return reports.tally(experience.id).chain(outcomes -> reports.latest(experience.id, Stats.RECENT)
                        .chain(latest -> votes.tally(experience.id).map(opinions -> new Stats(
                                Math.toIntExact(outcomes.successes()), Math.toIntExact(outcomes.failures()),
                                Math.toIntExact(outcomes.acquired()), successRate(latest),
                                Math.toIntExact(opinions.up()), Math.toIntExact(opinions.down())))))
                .chain(stats -> experience.apply(stats, now) ? states.changed(experience)
                        : Uni.createFrom().voidItem());
    }

    private static Double successRate(List<Boolean> outcomes) {
        return outcomes.isEmpty() ? null
                : (double) outcomes.stream().filter(Boolean::booleanValue).count() / outcomes.size();
    }

    private static Vote newVote(Experience experience, UUID caller, Instant now) {
        Vote vote = new Vote();
        vote.id = Ids.newId();
        vote.experienceId = experience.id;
        vote.agentId = caller;
        vote.counted = !experience.isOwnedBy(caller);
        vote.createdAt = now;
        return vote;
    }

    private static VoteResult result(Experience experience, Vote vote) {
        return new VoteResult(experience.id, experience.shortId, vote.voteType, vote.counted, experience.upvotes,
                experience.downvotes, experience.qualityScore);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
