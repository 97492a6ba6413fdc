package io.plurum.search.index;

/** What a document of the index stands for. */
public enum Kind {
    EXPERIENCE, SESSION;

    public String value() {
        return name().toLowerCase();
    }
}
