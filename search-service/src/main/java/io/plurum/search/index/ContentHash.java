package io.plurum.search.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * 64 bits of SHA-256 over a sequence of values, each written with its length (or as absent), so that no two different
 * sequences are hashed from the same bytes.
 */
final class ContentHash {

    private final MessageDigest digest;
    private final ByteBuffer scratch = ByteBuffer.allocate(Integer.BYTES);

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    ContentHash add(String value) {
        if (value == null) {
            return length(-1);
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length(bytes.length).digest.update(bytes);
        return this;
    }

    ContentHash add(List<String> values) {
        length(values.size());
        values.forEach(this::add);
        return this;
    }

    ContentHash add(byte[] bytes) {
        length(bytes.length).digest.update(bytes);
        return this;
    }

    ContentHash add(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
        bytes.asFloatBuffer().put(vector);
        length(vector.length).digest.update(bytes.array());
        return this;
    }

    long value() {
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private ContentHash length(int length) {
        digest.update(scratch.clear().putInt(length).array());
        return this;
    }
}
