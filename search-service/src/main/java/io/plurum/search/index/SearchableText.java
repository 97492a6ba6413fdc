package io.plurum.search.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text of an experience (or an open session's topic) that keyword and vector search see. Each field is one
 * string, items joined by newlines.
 */
public record SearchableText(String goal, String breakthroughs, String deadEnds, String gotchas, String artifacts,
                             String tools, String domain) {

    public static SearchableText ofTopic(String topic, String domain, List<String> tools) {
        return new SearchableText(topic, "", "", "", "", String.join(" ", tools), nullToEmpty(domain));
    }

    /**
     * What gets embedded: the goal and the insights first, because the MiniLM tokenizer keeps only the first 128
     * tokens (about 100 words) and the rest of a long text does not reach the vector.
     */
    public String forEmbedding() {
        return Stream.of(goal, breakthroughs, gotchas, deadEnds).filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n"));
    }

    /** 64 bits of SHA-256 over the embedded text: equal hashes mean the stored vector is still right. */
    public long embeddingHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(forEmbedding().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
