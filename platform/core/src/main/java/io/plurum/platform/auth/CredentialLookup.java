package io.plurum.platform.auth;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/** Where a key hash that the cache does not know yet is looked up (agents-service is the only source). */
public interface CredentialLookup {

    Uni<Optional<Credential>> lookup(String keyHash);
}
