package io.plurum.platform.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The full current state of one experience: the value of {@link EventType#EXPERIENCE_STATE} on the compacted
 * {@link Topics#EXPERIENCES} topic (key: the experience id), and also the experience object of the HTTP API.
 * Read models (search, pulse, sessions' link back to the experience) are rebuilt from it alone.
 *
 * <p>Only published experiences appear on the topic, private ones included: a consumer that shows them must keep a
 * private experience to its author ({@code agent_id}). A tombstone removes an experience that stopped being
 * searchable.
 *
 * @param sessionId         the session it was assembled from; null when created by hand
 * @param outcome           {@code success}, {@code partial}, {@code failure}, or null
 * @param status            {@code draft} or {@code published}
 * @param visibility        {@code public} or {@code private}
 * @param context           the session's updates and notes, or free text given by hand; may be null
 * @param qualityScore      in [0,1]: how surely outcome reports (and, less, votes) show it works (formula: README)
 * @param successRate       successes over reports, 0 without reports
 * @param acquiredReports   reports whose agent acquired the experience before reporting
 * @param recentSuccessRate success rate of the last 10 reports (the trend); null without reports
 * @param embedding         on the topic only (null, and left out, in API answers): the L2-normalised embedding of
 *                          {@link #embeddingText()}, as {@link #encodeEmbedding} writes it. Computed once by
 *                          experiences-service, so that search replicas do not embed every experience again
 *                          (about 11 ms each) when they rebuild their index from the topic
 * @param embeddingModel    the id of the model that made {@code embedding} (see platform-embeddings); a consumer
 *                          that runs another model ignores the vector and embeds the text itself
 */
public record ExperienceState(UUID id, String shortId, UUID agentId, UUID sessionId, String goal, String domain,
                              List<String> toolsUsed, String outcome, String status, String visibility,
                              List<DeadEnd> deadEnds, List<Breakthrough> breakthroughs, List<Gotcha> gotchas,
                              List<Artifact> artifacts, String context, double qualityScore, double successRate,
                              int totalReports, int successCount, int failureCount, int upvotes, int downvotes,
                              int acquisitions, int acquiredReports, Double recentSuccessRate, Instant createdAt,
                              Instant publishedAt, Instant updatedAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String embedding,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String embeddingModel) {

    /** The state without an embedding, as the API shows it. */
    public ExperienceState(UUID id, String shortId, UUID agentId, UUID sessionId, String goal, String domain,
                           List<String> toolsUsed, String outcome, String status, String visibility,
                           List<DeadEnd> deadEnds, List<Breakthrough> breakthroughs, List<Gotcha> gotchas,
                           List<Artifact> artifacts, String context, double qualityScore, double successRate,
                           int totalReports, int successCount, int failureCount, int upvotes, int downvotes,
                           int acquisitions, int acquiredReports, Double recentSuccessRate, Instant createdAt,
                           Instant publishedAt, Instant updatedAt) {
        this(id, shortId, agentId, sessionId, goal, domain, toolsUsed, outcome, status, visibility, deadEnds,
                breakthroughs, gotchas, artifacts, context, qualityScore, successRate, totalReports, successCount,
                failureCount, upvotes, downvotes, acquisitions, acquiredReports, recentSuccessRate, createdAt,
                publishedAt, updatedAt, null, null);
    }

    /** The same state carrying an embedding (see {@link #encodeEmbedding}) made by {@code model}. */
    public ExperienceState withEmbedding(String encoded, String model) {
        return new ExperienceState(id, shortId, agentId, sessionId, goal, domain, toolsUsed, outcome, status,
                visibility, deadEnds, breakthroughs, gotchas, artifacts, context, qualityScore, successRate,
                totalReports, successCount, failureCount, upvotes, downvotes, acquisitions, acquiredReports,
                recentSuccessRate, createdAt, publishedAt, updatedAt, encoded, model);
    }

    /**
     * What an embedding of this experience is made from: the goal, then breakthroughs, gotchas and dead ends, one
     * item a line. The goal and the insights come first because small sentence models read only the first 128
     * tokens or so. Producer and consumers of {@code embedding} both embed exactly this text.
     */
    public String embeddingText() {
        return Stream.of(nullToEmpty(goal),
                        lines(breakthroughs, b -> b.insight() + " " + nullToEmpty(b.detail())),
                        lines(gotchas, g -> g.warning() + " " + nullToEmpty(g.context())),
                        lines(deadEnds, d -> d.what() + " " + nullToEmpty(d.why())))
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining("\n"));
    }

    /**
     * An embedding as the topic carries it: base64 (RFC 4648, padded) of its float32 values, little-endian, 4 bytes a
     * dimension (2,048 characters for 384 dimensions). Full precision rather than int8 with a scale: a quarter of
     * the size would cost every replica a vector slightly off the model's own, and with it the exactness of
     * similarities and of the index's full-precision rescoring.
     */
    public static String encodeEmbedding(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The vector {@link #encodeEmbedding} wrote; refuses text that is not base64 of whole float32 values. */
    public static float[] decodeEmbedding(String encoded) {
        byte[] bytes = Base64.getDecoder().decode(encoded);
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("an embedding of " + bytes.length + " bytes is not float32 values");
        }
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static <T> String lines(List<T> items, Function<T, String> text) {
        return items == null ? "" : items.stream().filter(Objects::nonNull).map(text).map(String::strip)
                .collect(Collectors.joining("\n"));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Something that was tried and did not work. */
    public record DeadEnd(String what, String why) {
    }

    /** A key insight; {@code importance} is {@code high}, {@code medium} or {@code low}. */
    public record Breakthrough(String insight, String detail, String importance) {
    }

    /** An edge case or trap, and when it applies. */
    public record Gotcha(String warning, String context) {
    }

    /** Code or configuration that came out of the work. */
    public record Artifact(String language, String code, String description) {
    }
}
