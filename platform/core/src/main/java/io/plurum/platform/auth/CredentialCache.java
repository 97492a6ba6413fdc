package io.plurum.platform.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Key hash -> credential, fed by the credentials topic and by fallback lookups. A rotated key stays here as
 * inactive (not removed), so it keeps failing without a fallback call even when agents-service is away.
 * Revocation is final: a key is never made active again (rotation issues a new key), so a late "active" record
 * of a key already revoked here, say the feed replaying the key's issue after a local rotation, changes nothing.
 */
@ApplicationScoped
public class CredentialCache {

    private final Map<String, Credential> byHash = new ConcurrentHashMap<>();

    public Optional<Credential> get(String keyHash) {
        return Optional.ofNullable(byHash.get(keyHash));
    }

    public void put(String keyHash, Credential credential) {
        byHash.merge(keyHash, credential, (known, offered) -> known.active() ? offered : known);
    }

    /** Caches a fallback answer unless the topic has already said something about that key. */
    public Credential putIfAbsent(String keyHash, Credential credential) {
        return byHash.merge(keyHash, credential, (known, offered) -> known);
    }

    public void revoke(String keyHash) {
        byHash.compute(keyHash, (hash, known) -> new Credential(known == null ? null : known.agentId(), false));
    }

    public int size() {
        return byHash.size();
    }
}
