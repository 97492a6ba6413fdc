package io.plurum.gateway.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/** The routing table: which service answers a path below the public prefix, and which paths nobody answers. */
final class Routes {

    /** A destination, and the path template that names it in metrics instead of the raw path with its ids. */
    record Route(Upstream upstream, String template) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
    /** No legitimate path is encoded twice; one still encoded after this many decodings is an attack. */
    private static final int MAX_DECODINGS = 3;

    private Routes() {
    }

    /** Resolves a raw path below the prefix (starting with '/'); an encoded segment never matches a name. */
    static Optional<Route> resolve(HttpMethod method, String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 2) {
            return Optional.empty();
        }
        return switch (segments[1]) {
            case "agents" -> Optional.of(new Route(Upstream.AGENTS, "/agents/**"));
            case "sessions" -> Optional.of(new Route(Upstream.SESSIONS, "/sessions/**"));
            case "experiences" -> Optional.of(experiences(method, segments));
            case "pulse" -> Optional.of(new Route(Upstream.PULSE, "/pulse/**"));
            default -> Optional.empty();
        };
    }

    private static Route experiences(HttpMethod method, String[] segments) {
        if (HttpMethod.POST.equals(method) && segments.length == 3 && segments[2].equals("search")) {
            return new Route(Upstream.SEARCH, "/experiences/search");
        }
        if (HttpMethod.GET.equals(method) && segments.length == 4 && !segments[2].isEmpty()
                && segments[3].equals("similar")) {
            return new Route(Upstream.SEARCH, "/experiences/{identifier}/similar");
        }
        return new Route(Upstream.EXPERIENCES, "/experiences/**");
    }

    /**
     * Whether a raw path could reach an internal endpoint or climb out of its route: an {@code internal}, {@code .}
     * or {@code ..} segment however it is encoded, behind backslashes or matrix parameters, that some server
     * downstream might decode or normalise once more than the gateway did.
     */
    static boolean isForbidden(String rawPath) {
        String path = rawPath;
        for (int decodings = 0; ; decodings++) {
            if (hasForbiddenSegment(path)) {
                return true;
            }
            if (path.indexOf('%') < 0) {
                return false;
            }
            if (decodings == MAX_DECODINGS) {
                return true;
            }
            try {
                path = URLDecoder.decode(path, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return true;
            }
        }
    }

    private static boolean hasForbiddenSegment(String path) {
        for (String segment : SEPARATORS.split(path)) {
            String name = segment.split(";", 2)[0];
            if (name.equals(".") || name.equals("..") || name.equalsIgnoreCase("internal")) {
                return true;
            }
        }
        return false;
    }
}
