package io.plurum.pulse.ws;

import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.auth.Credential;
import io.plurum.platform.auth.CredentialCache;
import io.plurum.platform.auth.CredentialLookup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * API keys for the WebSocket, checked the way the platform's REST filter checks them: checksum first (no I/O for
 * garbage), then the credential cache fed by the credentials topic, then one fallback lookup whose answer is cached.
 */
@ApplicationScoped
public class KeyAuthenticator {

    public record Authenticated(UUID agentId, String keyHash) {
    }

    private final CredentialCache cache;
    private final CredentialLookup lookup;

    public KeyAuthenticator(CredentialCache cache, CredentialLookup lookup) {
        this.cache = cache;
        this.lookup = lookup;
    }

    /** The key's agent, or empty for a key that is malformed, unknown or rotated; fails when nobody can tell. */
    public Uni<Optional<Authenticated>> authenticate(String key) {
        if (!ApiKeys.isWellFormed(key)) {
            return Uni.createFrom().item(Optional.empty());
        }
        String hash = ApiKeys.hash(key);
        Optional<Credential> cached = cache.get(hash);
        Uni<Optional<Credential>> credential = cached.isPresent() ? Uni.createFrom().item(cached)
                : lookup.lookup(hash).map(found -> found.map(known -> cache.putIfAbsent(hash, known)));
        return credential.map(found -> found.filter(Credential::active)
                .map(active -> new Authenticated(active.agentId(), hash)));
    }

    /** True once the credentials topic has said the key is dead (rotated away). */
    public boolean isRevoked(String keyHash) {
        return cache.get(keyHash).map(credential -> !credential.active()).orElse(false);
    }
}
