package io.plurum.platform.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.config.PlurumConfig;
import io.plurum.platform.errors.PlurumException;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks agents-service's internal endpoint about a key hash the credentials topic has not delivered yet. */
@ApplicationScoped
@DefaultBean
public class AgentsServiceCredentialLookup implements CredentialLookup {

    private final WebClient client;
    private final String baseUrl;
    private final Duration timeout;

    public AgentsServiceCredentialLookup(Vertx vertx, PlurumConfig config) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
        this.baseUrl = config.auth().agentsUrl();
        this.timeout = config.auth().lookupTimeout();
    }

    @Override
    public Uni<Optional<Credential>> lookup(String keyHash) {
        return client.getAbs(baseUrl + "/internal/credentials/" + keyHash)
                .timeout(timeout.toMillis())
                .send()
                .onFailure().transform(e -> new PlurumException.Unavailable("The identity service cannot be reached."))
                .map(response -> switch (response.statusCode()) {
                    case 200 -> {
                        JsonObject body = response.bodyAsJsonObject();
                        yield Optional.of(new Credential(UUID.fromString(body.getString("agent_id")),
                                body.getBoolean("active", false)));
                    }
                    case 404 -> Optional.<Credential>empty();
                    default -> throw new PlurumException.Unavailable("The identity service cannot answer now.");
                });
    }
}
