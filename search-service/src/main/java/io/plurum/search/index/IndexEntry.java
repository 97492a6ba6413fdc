package io.plurum.search.index;

import java.util.List;
import java.util.Objects;

/**
 * One document to index: an experience, or an open public session. {@code card} is the stored JSON that results
 * show: an {@link ExperienceHeader}, completed by {@code counters} (experiences only, null for sessions), or a whole
 * {@link SessionCard}. {@code stateHash} covers everything here, so replaying an unchanged record can be skipped.
 */
public record IndexEntry(Kind kind, String id, String shortId, String agentId, String status, String visibility,
                         String domain, List<String> tools, SearchableText text, byte[] card,
                         ExperienceCounters counters, long stateHash) {

    public IndexEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(card, "card");
        if ((kind == Kind.EXPERIENCE) != (counters != null)) {
            throw new IllegalArgumentException("experiences and only experiences have counters");
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
