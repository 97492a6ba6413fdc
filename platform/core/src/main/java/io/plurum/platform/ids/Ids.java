package io.plurum.platform.ids;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers of sessions and experiences: a UUID {@code id} and an 8-character {@code short_id} of
 * {@code [A-Za-z0-9]} (62^8, about 2.2e14 values; the database's unique index catches the rare collision).
 */
public final class Ids {

    public static final int SHORT_ID_LENGTH = 8;
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHORT_ID = Pattern.compile("[A-Za-z0-9]{" + SHORT_ID_LENGTH + "}");

    private Ids() {
    }

    public static UUID newId() {
        return UUID.randomUUID();
    }

    public static String newShortId() {
        return base62(RANDOM, SHORT_ID_LENGTH);
    }

    public static String base62(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    public static boolean isShortId(String value) {
        return value != null && SHORT_ID.matcher(value).matches();
    }

    /** The UUID that {@code value} spells, if it spells one. */
    public static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
