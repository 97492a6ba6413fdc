package io.plurum.platform.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Key hash -> credential, fed by the credentials topic and by fallback lookups. A rotated key stays here as
 * inactive (not removed), so it keeps failing without a fallback call even when agents-service is away.
 */
@ApplicationScoped
public class CredentialCache {

    private final Map<String, Credential> byHash = new ConcurrentHashMap<>();

    public Optional<Credential> get(String keyHash) {
        return Optional.ofNullable(byHash.get(keyHash));
    }

    public void put(String keyHash, Credential credential) {
        byHash.put(keyHash, credential);
    }

    /** Caches a fallback answer unless the topic has already said something about that key. */
    public Credential putIfAbsent(String keyHash, Credential credential) {
        Credential previous = byHash.putIfAbsent(keyHash, credential);
        return previous == null ? credential : previous;
    }

    public void revoke(String keyHash) {
        byHash.compute(keyHash, (hash, known) -> new Credential(known == null ? null : known.agentId(), false));
    }

    public int size() {
        return byHash.size();
    }
}
