package io.plurum.gateway.docs;

import java.net.URI;
import java.util.Arrays;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.plurum.gateway.config.GatewayConfig;
import io.plurum.gateway.proxy.GatewayRouter;
import io.plurum.gateway.proxy.PublicUrlResolver;
import io.plurum.gateway.proxy.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The whole API as one OpenAPI document at {@code <prefix>/docs/openapi.json}, merged from the services' own
 * ({@code /q/openapi}) and kept for a short while; Swagger UI shows it at {@code <prefix>/docs} (see
 * application.properties). A service that does not answer leaves its part out, and the document names it.
 */
@Singleton
public class ApiDocs {

    private static final Logger LOG = Logger.getLogger(ApiDocs.class);
    private static final String SERVICE_DOCUMENT = "/q/openapi?format=json";

    private final String path;
    private final GatewayConfig.Upstreams upstreamUrls;
    private final long timeoutMillis;
    private final long cacheTtlNanos;
    private final HttpClient client;
    private final OpenApiMerger merger;
    private final PublicUrlResolver publicUrls;
    private Future<JsonObject> merged;
    private long mergedAt;

    ApiDocs(Vertx vertx, GatewayConfig config, GatewayRouter gateway, PublicUrlResolver publicUrls,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        path = config.prefix() + "/docs/openapi.json";
        upstreamUrls = config.upstream();
        timeoutMillis = config.timeout().toMillis();
        cacheTtlNanos = config.docs().cacheTtl().toNanos();
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(Math.toIntExact(timeoutMillis)));
        merger = new OpenApiMerger(config.prefix(), gateway::destination, version);
        this.publicUrls = publicUrls;
    }

    /** Before the gateway's own routes, which would take the path for one of a service. */
    void init(@Observes @Priority(GatewayRouter.ROUTES_PRIORITY - 1) Router router) {
        router.get(path).handler(this::serve);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void serve(RoutingContext context) {
        JsonArray servers = new JsonArray().add(new JsonObject()
                .put("url", publicUrls.resolve(context.request()).site())
                .put("description", "This Plurum instance"));
        document()
                .onSuccess(document -> context.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(document.copy().put("servers", servers).toBuffer()))
                .onFailure(context::fail);
    }

    private synchronized Future<JsonObject> document() {
        long now = System.nanoTime();
        if (merged == null || now - mergedAt >= cacheTtlNanos) {
            merged = Future.all(Arrays.stream(Upstream.values()).map(this::fetch).toList())
                    .map(fetched -> merger.merge(fetched.list()));
            mergedAt = now;
        }
        return merged;
    }

    /** A service's own document; none, rather than a failure, when the service is down or answers nonsense. */
    private Future<ServiceDocument> fetch(Upstream upstream) {
        URI baseUrl = upstreamUrls.of(upstream);
        String url = baseUrl.toString().replaceFirst("/$", "") + SERVICE_DOCUMENT;
        return client.request(new RequestOptions().setAbsoluteURI(url).setIdleTimeout(timeoutMillis))
                .compose(HttpClientRequest::send)
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(body -> ServiceDocument.of(upstream, body.toJsonObject()))
                .otherwise(failure -> {
                    LOG.warnf("No OpenAPI document from the %s: %s", upstream.displayName(), failure.getMessage());
                    return ServiceDocument.missing(upstream);
                });
    }
}
