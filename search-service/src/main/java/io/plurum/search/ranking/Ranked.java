package io.plurum.search.ranking;

import java.util.List;

/** The best hits, and how many candidates passed the filters and the relevance floor. */
public record Ranked(List<Hit> hits, int totalFound) {
}
