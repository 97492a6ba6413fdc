package io.plurum.search.rest;

import java.util.List;

import io.plurum.search.service.ExperienceResult;
import io.plurum.search.service.SessionResult;

/** Experiences that may help a new session, and similar open public sessions of other agents. */
public record MatchResponse(List<ExperienceResult> matchingExperiences, List<SessionResult> activeSessions) {
}
