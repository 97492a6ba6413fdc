package io.plurum.experiences.mapping;

import java.util.List;

import io.plurum.platform.events.ExperienceState;

/** One page of the listing; {@code next_cursor} is null on the last page. */
public record ExperiencePage(List<ExperienceState> experiences, String nextCursor) {
}
