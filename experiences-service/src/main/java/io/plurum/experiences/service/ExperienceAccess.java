package io.plurum.experiences.service;

import java.util.UUID;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.repository.ExperienceRepository;
import io.plurum.platform.errors.PlurumException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Who may see an experience: everyone sees published public ones; drafts and private ones are their author's, and
 * anyone else gets 404, as if they did not exist.
 */
@ApplicationScoped
public class ExperienceAccess {

    private final ExperienceRepository experiences;

    public ExperienceAccess(ExperienceRepository experiences) {
        this.experiences = experiences;
    }

    /** The experience if {@code caller} (null when anonymous) may see it; {@code lock} as the caller's change needs. */
    public Uni<Experience> visible(String identifier, UUID caller, LockModeType lock) {
        return experiences.findByIdentifier(identifier, lock)
                .map(experience -> experience != null && experience.isVisibleTo(caller) ? experience : null)
                .onItem().ifNull().failWith(() -> new PlurumException.NotFound("No such experience."));
    }
}
