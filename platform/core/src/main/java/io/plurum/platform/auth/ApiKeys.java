package io.plurum.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

import io.plurum.platform.ids.Ids;

/**
 * API keys: {@code plrm_live_} + 32 base62 characters (about 190 random bits) + a 6-character base62 CRC32
 * checksum of the random part. The checksum lets every service reject a mistyped or made-up key without any
 * lookup, and the fixed prefix lets secret scanners recognise a leaked key. Keys are stored only as SHA-256.
 */
public final class ApiKeys {

    public static final String PREFIX = "plrm_live_";
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int KEY_LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        String body = Ids.base62(RANDOM, RANDOM_LENGTH);
        return PREFIX + body + checksum(body);
    }

    /** True when the key has Plurum's shape and its checksum matches; no I/O. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.length() != KEY_LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        String rest = key.substring(PREFIX.length());
        for (int i = 0; i < rest.length(); i++) {
            if (Ids.ALPHABET.indexOf(rest.charAt(i)) < 0) {
                return false;
            }
        }
        String body = rest.substring(0, RANDOM_LENGTH);
        return checksum(body).equals(rest.substring(RANDOM_LENGTH));
    }

    /** Hex SHA-256 of the key: how keys are stored, cached and keyed on the credentials topic. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] chars = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            chars[i] = Ids.ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(chars);
    }
}
