package io.plurum.experiences.service;

import java.time.Instant;
import java.util.UUID;

import io.plurum.experiences.domain.AcquireMode;
import io.plurum.experiences.mapping.Acquired;
import io.plurum.experiences.mapping.ExperienceMapper;
import io.plurum.experiences.mapping.render.Renderer;
import io.plurum.experiences.repository.AcquisitionRepository;
import io.plurum.experiences.repository.ExperienceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Acquiring an experience: rendering it in the mode asked for, and remembering who acquired it, so that a later
 * outcome report shows whether its agent had. {@code acquisitions} counts agents, not calls (an agent that acquires
 * an experience at every heartbeat counts once), and not the author.
 */
@ApplicationScoped
public class AcquisitionService {

    private final ExperienceAccess access;
    private final ExperienceRepository experiences;
    private final AcquisitionRepository acquisitions;

    public AcquisitionService(ExperienceAccess access, ExperienceRepository experiences,
                              AcquisitionRepository acquisitions) {
        this.access = access;
        this.experiences = experiences;
        this.acquisitions = acquisitions;
    }

    @WithTransaction
    public Uni<Acquired> acquire(String identifier, UUID caller, AcquireMode mode) {
        Instant now = ExperienceService.now();
        return access.visible(identifier, caller, LockModeType.NONE)
                .call(experience -> acquisitions.record(experience.id, caller, now)
                        .chain(first -> first && !experience.isOwnedBy(caller)
                                ? experiences.countAcquisition(experience.id, now).replaceWithVoid()
                                : Uni.createFrom().voidItem()))
                .map(experience -> {
                    Renderer.Rendering rendering = Renderer.of(mode).render(ExperienceMapper.state(experience));
                    return new Acquired(experience.id, experience.shortId, mode, rendering.content(),
                            rendering.markdown());
                });
    }
}
