package io.plurum.deploy.k8s;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;

/**
 * Which rule of an HTTPRoute, and which backend of an Ingress, a request reaches: the matching rules of Gateway API
 * and of Ingress, for the match types deploy/k8s uses (path prefix and exact path, HTTP method).
 */
final class Edge {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(h|ms|m|s)");
    /** What a match without a path takes. */
    private static final HTTPPathMatch EVERY_PATH =
            new HTTPPathMatchBuilder().withType("PathPrefix").withValue("/").build();

    private Edge() {
    }

    /**
     * The rule of the route that takes the request, by Gateway API's precedence: an exact path before the longest
     * prefix, then a rule that names the method. Empty when no rule matches.
     */
    static Optional<HTTPRouteRule> rule(HTTPRoute route, String method, String path) {
        record Candidate(HTTPRouteRule rule, HTTPRouteMatch match) {
        }
        return route.getSpec().getRules().stream()
                .flatMap(rule -> (rule.getMatches().isEmpty() ? List.of(new HTTPRouteMatch()) : rule.getMatches())
                        .stream()
                        .map(match -> new Candidate(rule, match)))
                .filter(candidate -> matches(candidate.match(), method, path))
                .min(Comparator.<Candidate>comparingInt(candidate -> "Exact".equals(pathMatch(candidate.match())
                                .getType()) ? 0 : 1)
                        .thenComparing(candidate -> -pathMatch(candidate.match()).getValue().length())
                        .thenComparing(candidate -> candidate.match().getMethod() == null ? 1 : 0))
                .map(Candidate::rule);
    }

    /** The backend of the Ingress that takes the path: the longest matching path of any rule, or the default. */
    static Optional<IngressBackend> backend(Ingress ingress, String path) {
        return ingress.getSpec().getRules().stream()
                .filter(rule -> rule.getHttp() != null)
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .filter(candidate -> matches(candidate, path))
                .max(Comparator.comparingInt(candidate -> candidate.getPath().length()))
                .map(HTTPIngressPath::getBackend)
                .or(() -> Optional.ofNullable(ingress.getSpec().getDefaultBackend()));
    }

    /** Every path value an HTTPRoute or Ingress matches on. */
    static List<String> paths(HTTPRoute route) {
        return route.getSpec().getRules().stream()
                .flatMap(rule -> rule.getMatches().stream())
                .map(match -> pathMatch(match).getValue())
                .toList();
    }

    static List<String> paths(Ingress ingress) {
        return ingress.getSpec().getRules().stream()
                .filter(rule -> rule.getHttp() != null)
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(HTTPIngressPath::getPath)
                .toList();
    }

    /** A Gateway API duration such as {@code 1h30m} or {@code 500ms}. */
    static Duration duration(String value) {
        Duration total = Duration.ZERO;
        Matcher part = DURATION_PART.matcher(value);
        int end = 0;
        while (part.find() && part.start() == end) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            });
            end = part.end();
        }
        if (end == 0 || end != value.length()) {
            throw new IllegalArgumentException("not a Gateway API duration: " + value);
        }
        return total;
    }

    private static boolean matches(HTTPRouteMatch match, String method, String path) {
        if (match.getMethod() != null && !match.getMethod().equals(method)) {
            return false;
        }
        if (!match.getHeaders().isEmpty() || !match.getQueryParams().isEmpty()) {
            throw new UnsupportedOperationException("header and query matches are not modelled here");
        }
        HTTPPathMatch pathMatch = pathMatch(match);
        return switch (pathMatch.getType()) {
            case "Exact" -> path.equals(pathMatch.getValue());
            case "PathPrefix" -> hasPrefix(path, pathMatch.getValue());
            default -> throw new UnsupportedOperationException("path match " + pathMatch.getType());
        };
    }

    private static boolean matches(HTTPIngressPath candidate, String path) {
        return switch (candidate.getPathType()) {
            case "Exact" -> path.equals(candidate.getPath());
            case "Prefix" -> hasPrefix(path, candidate.getPath());
            default -> throw new UnsupportedOperationException("Ingress path type " + candidate.getPathType());
        };
    }

    /** A prefix matches whole path elements: {@code /api/v1} takes {@code /api/v1/agents}, not {@code /api/v10}. */
    private static boolean hasPrefix(String path, String prefix) {
        String element = prefix.endsWith("/") ? prefix : prefix + "/";
        return path.equals(prefix) || path.startsWith(element);
    }

    private static HTTPPathMatch pathMatch(HTTPRouteMatch match) {
        return match.getPath() != null ? match.getPath() : EVERY_PATH;
    }
}
