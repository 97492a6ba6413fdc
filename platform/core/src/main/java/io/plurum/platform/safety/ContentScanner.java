package io.plurum.platform.safety;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds secrets and personal data in public content before it is stored: API keys and tokens, private keys,
 * passwords, private IP addresses and e-mail addresses. Placeholders, documentation addresses and look-alikes
 * (git remotes, UUIDs, hashes, versions) pass, because a false alarm blocks a useful post as surely as a miss
 * leaks a key. Stateless and thread-safe; all patterns are compiled once and run in linear time.
 */
@ApplicationScoped
public final class ContentScanner {

    public ContentScanner() {
    }

    /** The kinds found in {@code text}, each once, in order of first occurrence; empty for null or blank text. */
    public List<Finding> scan(String field, String text) {
        Objects.requireNonNull(field, "field");
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lowerCase = asciiLowerCase(text);
        BitSet judged = new BitSet(text.length());
        Map<FindingKind, Integer> firstOffset = new EnumMap<>(FindingKind.class);
        for (Rule rule : Rules.ORDERED) {
            // transparent bounds: a pattern tried at an anchor may look behind it ("not glued to a word")
            Matcher m = rule.pattern().matcher(text).useTransparentBounds(true);
            for (String anchor : rule.anchors()) {
                for (int at = lowerCase.indexOf(anchor); at >= 0; at = lowerCase.indexOf(anchor, at + 1)) {
                    if (!judged.get(at) && m.region(at, text.length()).lookingAt()) {
                        judge(rule, text, m, judged, firstOffset);
                    }
                }
            }
        }
        return firstOffset.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> new Finding(field, e.getKey()))
                .toList();
    }

    /**
     * Scans every string in a request body as parsed from JSON: nested maps give {@code content.code}, lists give
     * {@code dead_ends[2].why}. Top-level names are the caller's field names and are not scanned; nested map keys
     * are, since free-form content can put anything there. Values other than strings, maps and iterables (numbers,
     * booleans, null) cannot carry a secret and are skipped.
     */
    public List<Finding> scanAll(Map<String, ?> fields) {
        Set<Finding> findings = new LinkedHashSet<>();
        fields.forEach((name, value) -> collect(name, value, findings));
        return List.copyOf(findings);
    }

    private void collect(String path, Object value, Set<Finding> findings) {
        switch (value) {
            case CharSequence text -> findings.addAll(scan(path, text.toString()));
            case Map<?, ?> map -> map.forEach((key, child) -> {
                List<Finding> inKey = scan(path, String.valueOf(key));
                findings.addAll(inKey);
                // a key that holds a secret must not be repeated in the field names of the answer
                collect(inKey.isEmpty() ? path + "." + key : path, child, findings);
            });
            case Iterable<?> items -> {
                int index = 0;
                for (Object item : items) {
                    collect(path + "[" + index++ + "]", item, findings);
                }
            }
            case null, default -> {
            }
        }
    }

    /**
     * The most specific rule that recognises a piece of text settles it, as secret or as placeholder: the jwt.io
     * sample is then not reported as a bearer token, nor the "password@host" of a placeholder URL as an e-mail.
     */
    private static void judge(Rule rule, String text, Matcher m, BitSet judged, Map<FindingKind, Integer> firstOffset) {
        int overlap = judged.nextSetBit(m.start());
        if (overlap >= 0 && overlap < m.end()) {
            return;
        }
        judged.set(m.start(), m.end());
        if (rule.check().accepts(text, m)) {
            firstOffset.merge(rule.kind(), m.start(), Math::min);
        }
    }

    /** Lower-cases ASCII only, so that offsets in the copy are offsets in the text (anchors are ASCII). */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }
}
