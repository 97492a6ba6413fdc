package io.plurum.search.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The text of an experience (or an open session's topic) that keyword and vector search see: each keyword field is
 * one string, items joined by newlines; {@code embeddingText} is what the vector is made of (for an experience,
 * {@code ExperienceState#embeddingText}, the text experiences-service embeds too).
 */
public record SearchableText(String goal, String breakthroughs, String deadEnds, String gotchas, String artifacts,
                             String tools, String domain, String embeddingText) {

    public static SearchableText ofTopic(String topic, String domain, List<String> tools) {
        return new SearchableText(topic, "", "", "", "", String.join(" ", tools), nullToEmpty(domain), topic);
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

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
