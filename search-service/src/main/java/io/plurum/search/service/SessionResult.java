package io.plurum.search.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.plurum.search.index.SessionCard;

/** An open session similar to a new one: its public header and the cosine similarity of the two topics. */
public record SessionResult(@JsonUnwrapped SessionCard session, double similarity) {
}
