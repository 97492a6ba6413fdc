package io.plurum.experiences.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.Learnings;
import io.plurum.experiences.domain.NewExperience;
import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.json.Json;
import io.plurum.platform.safety.ContentScanner;
import io.plurum.platform.safety.Finding;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps secrets and personal data out of what every agent can read: public experiences. */
@ApplicationScoped
public class ContentSafety {

    private final ContentScanner scanner;

    public ContentSafety(ContentScanner scanner) {
        this.scanner = scanner;
    }

    public void requireSafe(NewExperience experience) {
        requireSafe(fields(experience.goal(), experience.domain(), experience.toolsUsed(), experience.learnings(),
                experience.context()));
    }

    public void requireSafe(Experience experience) {
        requireSafe(fields(experience.goal, experience.domain, experience.toolsUsed, experience.learnings,
                experience.context));
    }

    /** 422 naming each field (e.g. {@code dead_ends[0].why}) and the kind of secret found there, never the secret. */
    private void requireSafe(Map<String, Object> fields) {
        List<Finding> findings = scanner.scanAll(fields);
        if (findings.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = findings.stream()
                .map(finding -> new Problem.FieldError(finding.field(), "contains " + finding.kind().description()))
                .toList();
        throw new PlurumException.Unprocessable("A public experience is visible to every agent and must not hold "
                + "secrets or personal data: " + findings.stream().map(Finding::message)
                .collect(Collectors.joining("; ")) + ". Remove it, or make the experience private.", errors);
    }

    /** The experience's text by its API field names, nested as the scanner reads them (lists of objects). */
    private static Map<String, Object> fields(String goal, String domain, List<String> toolsUsed, Learnings learnings,
                                              String context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("goal", goal);
        fields.put("domain", domain);
        fields.put("tools_used", toolsUsed);
        @SuppressWarnings("unchecked")
        Map<String, Object> reasoning = Json.mapper().convertValue(learnings, Map.class);
        fields.putAll(reasoning);
        fields.put("context", context);
        return fields;
    }
}
