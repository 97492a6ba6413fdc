package io.plurum.gateway.proxy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.plurum.gateway.config.GatewayConfig;
import io.plurum.gateway.proxy.Routes.Route;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/** Puts the gateway on Quarkus's router: the public prefix goes to the services, everything else is a 404. */
@Singleton
public class GatewayRouter {

    /** The priority of the observer that adds the gateway's routes; the gateway's own pages observe before it. */
    public static final int ROUTES_PRIORITY = Interceptor.Priority.APPLICATION + 500;
    /** Where Quarkus's HTTP metrics look for a route template, so that ids in paths do not each become a tag. */
    private static final String METRICS_PATH_TEMPLATE = "UrlPathTemplate";

    private final String prefix;
    private final EdgeHeaders edgeHeaders;
    private final HttpClient httpClient;
    private final WebSocketClient webSocketClient;
    private final WebSocketBridge webSockets;
    private final Map<Upstream, Endpoint> endpoints = new EnumMap<>(Upstream.class);
    private final Map<Upstream, HttpProxy> proxies = new EnumMap<>(Upstream.class);

    GatewayRouter(Vertx vertx, GatewayConfig config) {
        prefix = config.prefix();
        edgeHeaders = new EdgeHeaders(config.trustForwardedHeaders());
        int timeoutMillis = Math.toIntExact(config.timeout().toMillis());
        httpClient = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeoutMillis),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        webSocketClient = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(timeoutMillis));
        webSockets = new WebSocketBridge(webSocketClient, timeoutMillis);
        for (Upstream upstream : Upstream.values()) {
            Endpoint endpoint = Endpoint.of(upstream, config.upstream().of(upstream));
            endpoints.put(upstream, endpoint);
            proxies.put(upstream, proxy(endpoint, timeoutMillis));
        }
    }

    /** Observers of the router with a lower priority value (the API docs) run first: their routes come first. */
    void init(@Observes @Priority(ROUTES_PRIORITY) Router router) {
        router.route(prefix + "/*").handler(this::forward);
        // Ordered last, so that the gateway's own endpoints (/q/health, /q/metrics) still answer.
        router.route().order(Integer.MAX_VALUE).handler(this::notFound);
    }

    @PreDestroy
    void close() {
        httpClient.close();
        webSocketClient.close();
    }

    private void forward(RoutingContext context) {
        HttpServerRequest request = context.request();
        context.response().putHeader(EdgeHeaders.REQUEST_ID, edgeHeaders.apply(request));
        Optional<Route> route = route(request.method(), request.path());
        if (route.isEmpty()) {
            Problem.notFound().send(context.response());
            return;
        }
        Vertx.currentContext().putLocal(METRICS_PATH_TEMPLATE, prefix + route.get().template());
        Endpoint endpoint = endpoints.get(route.get().upstream());
        if (isWebSocketUpgrade(request)) {
            webSockets.connect(request, endpoint,
                    endpoint.uri(request.path().substring(prefix.length()), request.query()));
        } else {
            proxies.get(endpoint.upstream()).handle(request);
        }
    }

    private void notFound(RoutingContext context) {
        context.response().putHeader(EdgeHeaders.REQUEST_ID, edgeHeaders.apply(context.request()));
        Problem.notFound().send(context.response());
    }

    /** The service that a request for this raw public path goes to, if any. */
    public Optional<Upstream> destination(HttpMethod method, String path) {
        return route(method, path).map(Route::upstream);
    }

    private Optional<Route> route(HttpMethod method, String path) {
        if (!path.startsWith(prefix + "/") || Routes.isForbidden(path)) {
            return Optional.empty();
        }
        return Routes.resolve(method, path.substring(prefix.length()));
    }

    private HttpProxy proxy(Endpoint endpoint, int timeoutMillis) {
        // Upgrades never get here (WebSocketBridge takes them); should one slip through, it goes as plain HTTP.
        return HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), httpClient)
                .origin(context -> context.client().request(new RequestOptions()
                        .setHost(endpoint.host())
                        .setPort(endpoint.port())
                        .setSsl(endpoint.ssl())
                        .setIdleTimeout(timeoutMillis)))
                .addInterceptor(new UpstreamInterceptor(endpoint, prefix.length()));
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return HttpMethod.GET.equals(request.method())
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
