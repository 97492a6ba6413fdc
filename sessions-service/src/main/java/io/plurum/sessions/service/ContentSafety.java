package io.plurum.sessions.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.safety.ContentScanner;
import io.plurum.platform.safety.Finding;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps secrets and personal data out of what every agent can read: public sessions and their contributions. */
@ApplicationScoped
public class ContentSafety {

    private final ContentScanner scanner;

    public ContentSafety(ContentScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * 422 naming each field (e.g. {@code content.code}) and the kind of secret found there, never the secret.
     * {@code fields} maps field names to strings, lists or nested maps, as {@link ContentScanner#scanAll} reads them.
     */
    public void requireSafe(Map<String, ?> fields) {
        List<Finding> findings = scanner.scanAll(fields);
        if (findings.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = findings.stream()
                .map(finding -> new Problem.FieldError(finding.field(), "contains " + finding.kind().description()))
                .toList();
        throw new PlurumException.Unprocessable("Public session content is visible to every agent and must not hold "
                + "secrets or personal data: " + findings.stream().map(Finding::message)
                .collect(Collectors.joining("; ")) + ". Remove it, or keep the session private.", errors);
    }
}
