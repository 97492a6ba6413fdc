package io.plurum.search.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The text of an experience (or an open session's topic) that keyword and vector search see: each keyword field is
 * one string, items joined by newlines; {@code embeddingText} is what the vector is made of (for an experience,
 * {@code ExperienceState#embeddingText}, the text experiences-service embeds too).
 */
public record SearchableText(String goal, String breakthroughs, String deadEnds, String gotchas, String artifacts,
                             String tools, String domain, String embeddingText) {

    /**
     * A session's topic, for its vector alone: sessions are matched by vector only, and keeping them out of the keyword
     * fields keeps their constant opening and closing out of the BM25 statistics that rank experiences.
     */
    public static SearchableText ofTopic(String topic) {
        return new SearchableText("", "", "", "", "", "", "", topic);
    }

    /** 64 bits of SHA-256 over the embedded text: equal hashes mean the stored vector is still right. */
    public long embeddingHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(embeddingText.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
