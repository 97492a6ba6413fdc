package io.plurum.gateway.proxy;

import java.net.URI;

/** One upstream's address, taken apart once from its configured base URL. */
record Endpoint(Upstream upstream, String host, int port, boolean ssl, String basePath) {

    static Endpoint of(Upstream upstream, URI baseUrl) {
        boolean ssl = "https".equalsIgnoreCase(baseUrl.getScheme());
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : ssl ? 443 : 80;
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Endpoint(upstream, baseUrl.getHost(), port, ssl, basePath);
    }

    /** The request URI the upstream is sent, from the path below the public prefix and the caller's raw query. */
    String uri(String pathBelowPrefix, String query) {
        return basePath + pathBelowPrefix + (query == null ? "" : "?" + query);
    }
}
