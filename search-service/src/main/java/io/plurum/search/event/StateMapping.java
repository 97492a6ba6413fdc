package io.plurum.search.event;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;
import io.plurum.search.index.ExperienceCounters;
import io.plurum.search.index.ExperienceHeader;
import io.plurum.search.index.IndexEntry;
import io.plurum.search.index.Kind;
import io.plurum.search.index.SearchableText;
import io.plurum.search.index.SessionCard;

/** Turns the state carried by the two compacted topics into index entries; empty means "not searchable". */
final class StateMapping {

    private StateMapping() {
    }

    /** A published experience (public or private; the query filters decide who sees it); drafts are not indexed. */
    static Optional<IndexEntry> experience(JsonNode data) {
        ExperienceState state = Json.convert(data, ExperienceState.class);
        if (state.id() == null || !"published".equals(state.status())) {
            return Optional.empty();
        }
        ExperienceHeader header = new ExperienceHeader(state.id(), state.shortId(), state.agentId(),
                state.sessionId(), state.goal(), state.domain(), orEmpty(state.toolsUsed()), state.status(),
                state.visibility(), state.outcome(), state.createdAt(), state.publishedAt());
        ExperienceCounters counters = new ExperienceCounters(state.qualityScore(), state.successRate(),
                state.totalReports(), state.successCount(), state.failureCount(), state.upvotes(), state.downvotes(),
                state.acquisitions(), state.updatedAt());
        SearchableText text = new SearchableText(nullToEmpty(state.goal()),
                join(state.breakthroughs(), b -> b.insight() + " " + nullToEmpty(b.detail())),
                join(state.deadEnds(), d -> d.what() + " " + nullToEmpty(d.why())),
                join(state.gotchas(), g -> g.warning() + " " + nullToEmpty(g.context())),
                join(state.artifacts(), a -> nullToEmpty(a.description()) + " " + nullToEmpty(a.language())),
                String.join(" ", orEmpty(state.toolsUsed())), nullToEmpty(state.domain()), state.embeddingText());
        return Optional.of(new IndexEntry(Kind.EXPERIENCE, state.id().toString(), state.shortId(),
                Objects.toString(state.agentId(), null), state.status(), state.visibility(), state.domain(),
                orEmpty(state.toolsUsed()), text, Json.write(header).getBytes(StandardCharsets.UTF_8), counters,
                hash(Json.write(data))));
    }

    /**
     * An open public session, by its header; closed, abandoned and private sessions (whose header has no topic) are
     * not matched.
     */
    static Optional<IndexEntry> session(JsonNode data) {
        SessionCard card = Json.convert(data, SessionCard.class);
        if (card.id() == null || !"public".equals(card.visibility()) || !"open".equals(card.status())
                || card.topic() == null || card.topic().isBlank()) {
            return Optional.empty();
        }
        List<String> tools = orEmpty(card.toolsUsed());
        String cardJson = Json.write(card);
        return Optional.of(new IndexEntry(Kind.SESSION, card.id().toString(), card.shortId(),
                Objects.toString(card.agentId(), null), card.status(), card.visibility(), card.domain(), tools,
                SearchableText.ofTopic(card.topic()), cardJson.getBytes(StandardCharsets.UTF_8), null,
                hash(cardJson)));
    }

    private static <T> String join(List<T> items, Function<T, String> text) {
        return orEmpty(items).stream().filter(Objects::nonNull).map(text).map(String::strip)
                .collect(Collectors.joining("\n"));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static long hash(String text) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
