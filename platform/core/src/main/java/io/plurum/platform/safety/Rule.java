package io.plurum.platform.safety;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A pattern for one kind of finding, plus the check that turns a match into a finding. Patterns find candidates
 * cheaply; checks hold the judgement (placeholder or real, documentation address or personal one).
 *
 * @param anchors lower-case literals that every match starts with (case-insensitively). The scanner finds them
 *                with {@link String#indexOf} and tries the pattern only there, which is many times faster than
 *                letting the regex engine try every position of a 64 KiB text.
 */
record Rule(FindingKind kind, Pattern pattern, List<String> anchors, Check check) {

    Rule {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException(kind + ": a rule needs at least one anchor");
        }
    }

    @FunctionalInterface
    interface Check {
        boolean accepts(String text, MatchResult match);
    }

    static Rule of(FindingKind kind, String regex, List<String> anchors, Check check) {
        return new Rule(kind, Pattern.compile(regex), anchors, check);
    }
}
