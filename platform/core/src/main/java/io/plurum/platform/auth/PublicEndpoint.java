package io.plurum.platform.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or class) that answers without a key. Every other endpoint needs one: a new
 * endpoint is protected unless someone decides otherwise. A valid key sent to a public endpoint still
 * identifies the caller (search shows the caller's own private experiences).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface PublicEndpoint {

    /**
     * The OpenAPI security scheme of the key ({@code quarkus.smallrye-openapi.security-scheme-name}). A resource that
     * needs a key says so with {@code @SecurityRequirement(name = PublicEndpoint.API_KEY)}; its public methods say
     * the key is optional with an empty {@code @SecurityRequirementsSet} beside one naming the key.
     */
    String API_KEY = "api_key";
}
