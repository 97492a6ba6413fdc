package io.plurum.gateway.proxy;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.plurum.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Singleton;

/**
 * Tells the {@link PublicUrls} to hand an agent: the configured public URL, or else the scheme and host the request
 * was addressed to. X-Forwarded-Proto and X-Forwarded-Host count only when forwarded headers are trusted: otherwise
 * anyone could have the gateway hand out links to a host of their choosing.
 */
@Singleton
public class PublicUrlResolver {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final String prefix;
    private final boolean trustForwardedHeaders;
    private final Optional<String> configuredApi;

    PublicUrlResolver(GatewayConfig config) {
        prefix = config.prefix();
        trustForwardedHeaders = config.trustForwardedHeaders();
        configuredApi = config.publicUrl().map(PublicUrlResolver::validated);
    }

    public PublicUrls resolve(HttpServerRequest request) {
        String api = configuredApi.orElseGet(() -> origin(request) + prefix);
        String site = api.endsWith(prefix) ? api.substring(0, api.length() - prefix.length()) : api;
        return new PublicUrls(api, site);
    }

    private String origin(HttpServerRequest request) {
        String scheme = request.scheme();
        HostAndPort host = request.authority();
        if (trustForwardedHeaders) {
            scheme = first(request, EdgeHeaders.FORWARDED_PROTO)
                    .map(value -> value.toLowerCase(Locale.ROOT))
                    .filter(SCHEMES::contains)
                    .orElse(scheme);
            host = first(request, EdgeHeaders.FORWARDED_HOST)
                    .map(value -> HostAndPort.parseAuthority(value, -1))
                    .orElse(host);
        }
        return scheme + "://" + (host != null ? host : localAddress(request));
    }

    /** The first value of a header that proxies may have appended to: the one the outermost proxy saw. */
    private static Optional<String> first(HttpServerRequest request, String header) {
        return Optional.ofNullable(request.getHeader(header)).map(value -> value.split(",", 2)[0].trim());
    }

    /** For a request without a Host header (HTTP/1.0): the address it came in on. */
    private static String localAddress(HttpServerRequest request) {
        SocketAddress local = request.localAddress();
        return local.hostAddress() + ":" + local.port();
    }

    private static String validated(URI url) {
        if (!url.isAbsolute() || !SCHEMES.contains(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("plurum.gateway.public-url must be an absolute http(s) URL: " + url);
        }
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
