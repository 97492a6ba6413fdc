package io.plurum.sessions.mapping;

/** The enum values requests may carry, as validation patterns with the message that lists them. */
final class Patterns {

    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String VISIBILITY = "public|private";
    static final String VISIBILITY_MESSAGE = "must be public or private";
    static final String ENTRY_TYPE = "update|dead_end|breakthrough|gotcha|artifact|note";
    static final String ENTRY_TYPE_MESSAGE = "must be one of update, dead_end, breakthrough, gotcha, artifact, note";
    static final String OUTCOME = "success|partial|failure";
    static final String OUTCOME_MESSAGE = "must be success, partial or failure";
    static final String CONTRIBUTION_TYPE = "suggestion|warning|reference";
    static final String CONTRIBUTION_TYPE_MESSAGE = "must be suggestion, warning or reference";

    private Patterns() {
    }
}
