package io.plurum.search.service;

import java.util.List;

/** Ranked results and how many candidates matched in all. */
public record Results<T>(List<T> items, int totalFound) {
}
