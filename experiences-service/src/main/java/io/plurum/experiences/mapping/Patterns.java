package io.plurum.experiences.mapping;

/** Allowed values of the request fields that are enums, with the message that lists them. */
final class Patterns {

    static final String OUTCOME = "success|partial|failure";
    static final String OUTCOME_MESSAGE = "must be success, partial or failure";
    static final String VISIBILITY = "public|private";
    static final String VISIBILITY_MESSAGE = "must be public or private";
    static final String IMPORTANCE = "high|medium|low";
    static final String IMPORTANCE_MESSAGE = "must be high, medium or low";
    static final String VOTE_TYPE = "up|down";
    static final String VOTE_TYPE_MESSAGE = "must be up or down";
    static final String MODE = "summary|checklist|decision_tree|full";
    static final String MODE_MESSAGE = "must be summary, checklist, decision_tree or full";

    private Patterns() {
    }
}
