package io.plurum.platform.safety;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tells a real secret from the placeholders that fill developer documentation. A token prefix alone proves
 * little ({@code sk-...}, {@code ghp_xxxx}, {@code AKIAIOSFODNN7EXAMPLE}); what real keys share is that they are
 * random: several character classes, high entropy, no counting runs and no filler words.
 */
final class Plausibility {

    private static final double MAX_SEQUENTIAL_RATIO = 0.5;
    private static final int MIN_PASSWORD_LENGTH = 6;
    /** Letters-only values shorter than this are nearly always words ("secret", "postgres", "required"). */
    private static final int MIN_LETTERS_ONLY_PASSWORD_LENGTH = 12;

    /**
     * Filler words, matched in lower, upper and capitalised spelling only: a mixed-case match such as "yOuR" is
     * what random base62 produces by chance, and real keys must not be let through for it.
     */
    private static final List<String> TOKEN_FILLERS = List.of(
            "example", "xxxx", "your", "placeholder", "redacted", "dummy", "sample", "fake", "...", "***").stream()
            .flatMap(w -> Stream.of(w, w.toUpperCase(Locale.ROOT), Character.toUpperCase(w.charAt(0)) + w.substring(1)))
            .distinct()
            .toList();
    private static final List<String> PASSWORD_FILLERS = List.of(
            "pass", "pwd", "secret", "changeme", "changeit", "example", "sample", "dummy", "placeholder",
            "redacted", "your", "default", "admin", "root", "guest", "test", "foobar", "qwerty", "letmein");
    /** Template and shell references, masks and elisions: the value is filled in elsewhere. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "\\$[A-Za-z_{(]|\\{\\{|<[^<>]*>|%[sd(]|\\.\\.\\.|\u2026|\\*\\*\\*|(?i:xxx)");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]");
    private static final Pattern YAML_TAG = Pattern.compile("![A-Za-z]+");

    private Plausibility() {
    }

    /** True when {@code token} looks machine-generated: the shape of a real key rather than a stand-in for one. */
    static boolean looksRandom(String token, int minCharClasses) {
        return TOKEN_FILLERS.stream().noneMatch(token::contains)
                && charClasses(token) >= minCharClasses
                && entropy(token) >= minEntropy(token.length())
                && sequentialRatio(token) < MAX_SEQUENTIAL_RATIO;
    }

    static boolean looksRandom(String token) {
        return looksRandom(token, 2);
    }

    /**
     * True when {@code value} could be a real password for {@code user} (may be empty) rather than a stand-in
     * such as "password", "${DB_PASSWORD}", "****", "postgres:postgres" or "changeme".
     */
    static boolean isPlausiblePassword(String value, String user) {
        String v = value.strip();
        if (v.length() < MIN_PASSWORD_LENGTH || v.equalsIgnoreCase(user)) {
            return false;
        }
        String normalized = NON_ALNUM.matcher(v.toLowerCase(Locale.ROOT)).replaceAll("");
        if (PASSWORD_FILLERS.stream().anyMatch(normalized::contains) || v.chars().distinct().count() < 3
                || sequentialRatio(v) > MAX_SEQUENTIAL_RATIO || YAML_TAG.matcher(v).matches()
                || TEMPLATE.matcher(v).find()) {
            return false;
        }
        return !v.chars().allMatch(Character::isLetter) || v.length() >= MIN_LETTERS_ONLY_PASSWORD_LENGTH;
    }

    /** True when {@code value} holds a digit or a symbol other than identifier punctuation. */
    static boolean hasDigitOrSymbol(String value) {
        return value.chars().anyMatch(c -> Character.isDigit(c) || !(Character.isLetter(c) || c == '_' || c == '.'));
    }

    static int longestAlphanumericRun(String s) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = isAsciiLetterOrDigit(c) ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Bits per character a random token reaches. Random base62 of 20+ characters scores about 4, filler like
     * "abcabc" about 2.6; short tokens repeat characters by chance, so their bar is lower.
     */
    private static double minEntropy(int length) {
        return Math.min(3.0, log2(length) - 1.5);
    }

    /** Shannon entropy of the character distribution, in bits per character. */
    private static double entropy(String s) {
        int[] counts = new int[129];
        for (int i = 0; i < s.length(); i++) {
            counts[Math.min(s.charAt(i), 128)]++;
        }
        double bits = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / s.length();
                bits -= p * log2(p);
            }
        }
        return bits;
    }

    /** Share of neighbouring characters that count up or down by one, as in "123456" or "abcdef". */
    private static double sequentialRatio(String s) {
        if (s.length() < 2) {
            return 0;
        }
        int sequential = 0;
        for (int i = 1; i < s.length(); i++) {
            if (Math.abs(s.charAt(i) - s.charAt(i - 1)) == 1) {
                sequential++;
            }
        }
        return (double) sequential / (s.length() - 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static int charClasses(String s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
