package io.plurum.platform.safety;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A pattern for one kind of finding, plus the check that turns a match into a finding. Patterns find candidates
 * cheaply; checks hold the judgement (placeholder or real, documentation address or personal one).
 *
 * @param hints lower-case substrings of which at least one must occur for the pattern to be worth running
 */
record Rule(FindingKind kind, Pattern pattern, List<String> hints, Check check) {

    @FunctionalInterface
    interface Check {
        boolean accepts(String text, MatchResult match);
    }

    static Rule of(FindingKind kind, String regex, List<String> hints, Check check) {
        return new Rule(kind, Pattern.compile(regex), hints, check);
    }

    boolean mayMatch(String lowerCaseText) {
        return hints.stream().anyMatch(lowerCaseText::contains);
    }
}
