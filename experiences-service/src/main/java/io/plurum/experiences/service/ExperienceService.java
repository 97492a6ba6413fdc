package io.plurum.experiences.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.NewExperience;
import io.plurum.experiences.domain.Status;
import io.plurum.experiences.domain.Visibility;
import io.plurum.experiences.mapping.CreateExperienceRequest;
import io.plurum.experiences.mapping.ExperienceMapper;
import io.plurum.experiences.mapping.ExperiencePage;
import io.plurum.experiences.mapping.ListQuery;
import io.plurum.experiences.repository.ExperienceRepository;
import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.http.PageQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Experiences written by hand, their publication, and reading them. */
@ApplicationScoped
public class ExperienceService {

    private final ExperienceRepository experiences;
    private final ExperienceAccess access;
    private final ExperienceStates states;
    private final ContentSafety safety;

    public ExperienceService(ExperienceRepository experiences, ExperienceAccess access, ExperienceStates states,
                             ContentSafety safety) {
        this.experiences = experiences;
        this.access = access;
        this.states = states;
        this.safety = safety;
    }

    /** A draft: not on the state topic until it is published (see {@link ExperienceStates}). */
    public Uni<ExperienceState> create(UUID agentId, CreateExperienceRequest request) {
        return Uni.createFrom().item(() -> request.toNewExperience(agentId))
                .invoke(values -> {
                    if (values.visibility() == Visibility.PUBLIC) {
                        safety.requireSafe(values);
                    }
                })
                .chain(this::persistDraft);
    }

    @WithTransaction
    Uni<ExperienceState> persistDraft(NewExperience values) {
        Experience experience = Experience.create(values, Status.DRAFT, now());
        return experiences.persist(experience).map(ExperienceMapper::state);
    }

    /**
     * Author only (403 for another agent that can see it, 404 for one that cannot); 409 when already published.
     * A public draft is scanned again, since what the scanner knows may have grown since it was written.
     */
    @WithTransaction
    public Uni<ExperienceState> publish(String identifier, UUID caller) {
        return access.visible(identifier, caller, LockModeType.PESSIMISTIC_WRITE)
                .invoke(experience -> {
                    if (!experience.isOwnedBy(caller)) {
                        throw new PlurumException.Forbidden("Only the author of this experience may publish it.");
                    }
                    if (experience.isPublished()) {
                        throw new PlurumException.Conflict("This experience is already published.");
                    }
                    if (experience.isPublic()) {
                        safety.requireSafe(experience);
                    }
                    experience.publish(now());
                })
                .call(states::changed)
                .map(ExperienceMapper::state);
    }

    /** {@code caller} is null for an anonymous request. */
    @WithSession
    public Uni<ExperienceState> get(String identifier, UUID caller) {
        return access.visible(identifier, caller, LockModeType.NONE).map(ExperienceMapper::state);
    }

    /** {@code caller} is null for an anonymous request, who sees only published public experiences. */
    @WithSession
    public Uni<ExperiencePage> list(UUID caller, ListQuery query) {
        int limit = query.page().limit();
        PageQuery.Cursor after = query.page().after();
        return experiences.page(caller, query.domain(), query.status(), after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    boolean more = found.size() > limit;
                    List<Experience> page = more ? found.subList(0, limit) : found;
                    return new ExperiencePage(page.stream().map(ExperienceMapper::state).toList(),
                            more ? ListQuery.cursorAfter(page.getLast()) : null);
                });
    }

    /** To the microsecond, as PostgreSQL keeps it, so that what is answered equals what is read back later. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
