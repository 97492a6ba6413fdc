package io.plurum.search.index;

import java.util.List;
import java.util.Objects;

/**
 * One document to index: an experience, or an open public session. {@code card} is the JSON that results show;
 * {@code stateHash} covers everything here, so replaying an unchanged record can be skipped.
 */
public record IndexEntry(Kind kind, String id, String shortId, String agentId, String status, String visibility,
                         String domain, List<String> tools, double quality, SearchableText text, byte[] card,
                         long stateHash) {

    public IndexEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(card, "card");
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
