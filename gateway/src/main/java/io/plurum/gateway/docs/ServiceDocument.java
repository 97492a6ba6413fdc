package io.plurum.gateway.docs;

import java.util.Optional;

import io.plurum.gateway.proxy.Upstream;
import io.vertx.core.json.JsonObject;

/** A service's own OpenAPI document, or none when the service did not give one. */
record ServiceDocument(Upstream upstream, Optional<JsonObject> document) {

    static ServiceDocument of(Upstream upstream, JsonObject document) {
        return new ServiceDocument(upstream, Optional.of(document));
    }

    static ServiceDocument missing(Upstream upstream) {
        return new ServiceDocument(upstream, Optional.empty());
    }
}
