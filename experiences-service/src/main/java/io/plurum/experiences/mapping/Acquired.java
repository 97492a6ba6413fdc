package io.plurum.experiences.mapping;

import java.util.UUID;

import io.plurum.experiences.domain.AcquireMode;

/**
 * An experience in the form an agent asked for: {@code content} in the mode's shape, and the same rendered as
 * Markdown, ready to paste into a prompt.
 */
public record Acquired(UUID experienceId, String shortId, AcquireMode mode, Object content, String markdown) {
}
