package io.plurum.platform.auth;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.plurum.platform.config.PlurumConfig;
import io.plurum.platform.errors.PlurumException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Authenticates every REST call with {@code Authorization: Bearer plrm_live_...}: checksum first (no I/O for
 * garbage), then the local credential cache, then one fallback lookup whose answer is cached.
 */
public class AuthFilter {

    private static final String BEARER = "Bearer ";

    private final CredentialCache cache;
    private final CredentialLookup lookup;
    private final RateLimiter rateLimiter;
    private final Map<Method, Boolean> publicMethods = new ConcurrentHashMap<>();

    public AuthFilter(CredentialCache cache, CredentialLookup lookup, PlurumConfig config) {
        this.cache = cache;
        this.lookup = lookup;
        this.rateLimiter = new RateLimiter(config.auth().requestsPerMinute(), Clock.systemUTC());
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean isPublic = resource.getResourceMethod() != null && isPublic(resource.getResourceMethod());
        if (header == null || header.isBlank()) {
            return isPublic ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(new PlurumException.Unauthorized("An API key is required: send "
                            + "Authorization: Bearer <your key>."));
        }
        String key = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : "";
        if (!ApiKeys.isWellFormed(key)) {
            return Uni.createFrom().failure(new PlurumException.Unauthorized("The API key is not valid."));
        }
        String hash = ApiKeys.hash(key);
        return resolve(hash).map(credential -> {
            if (credential.isEmpty() || !credential.get().active()) {
                throw new PlurumException.Unauthorized("The API key is not valid.");
            }
            rateLimiter.acquire(hash);
            Caller caller = new Caller(credential.get().agentId(), hash);
            request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext()));
            return null;
        });
    }

    private Uni<Optional<Credential>> resolve(String hash) {
        Optional<Credential> cached = cache.get(hash);
        if (cached.isPresent()) {
            return Uni.createFrom().item(cached);
        }
        return lookup.lookup(hash).map(found -> found.map(credential -> cache.putIfAbsent(hash, credential)));
    }

    private boolean isPublic(Method method) {
        return publicMethods.computeIfAbsent(method, m -> m.isAnnotationPresent(PublicEndpoint.class)
                || m.getDeclaringClass().isAnnotationPresent(PublicEndpoint.class));
    }

    private record CallerSecurityContext(Caller caller, SecurityContext original) implements SecurityContext {

        @Override
        public Caller getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
