package io.plurum.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.plurum.platform.auth.PublicEndpoint;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * Checks that a service's published OpenAPI says which operations need the key exactly as its resources enforce it:
 * the key is required on every operation but those of {@link PublicEndpoint} methods, where it is optional.
 */
public final class OpenApiKeys {

    private static final Map<String, List<?>> KEY = Map.of(PublicEndpoint.API_KEY, List.of());

    private OpenApiKeys() {
    }

    /** Fails naming the first operation of {@code resources} whose documented key requirement is wrong. */
    public static void assertDocumented(Class<?>... resources) {
        JsonPath document = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath();
        int operations = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verbOf(method);
                if (verb == null) {
                    continue;
                }
                String path = pathOf(resource, method);
                List<Map<String, List<?>>> security =
                        document.getList("paths.'" + path + "'." + verb + ".security");
                boolean isPublic = method.isAnnotationPresent(PublicEndpoint.class)
                        || resource.isAnnotationPresent(PublicEndpoint.class);
                if (isPublic) {
                    assertThat(security).as(verb + " " + path + " takes a key but does not need one")
                            .containsExactlyInAnyOrder(Map.of(), KEY);
                } else {
                    assertThat(security).as(verb + " " + path + " needs a key").containsExactly(KEY);
                }
                operations++;
            }
        }
        assertThat(operations).as("operations checked").isPositive();
    }

    private static String verbOf(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull)
                .map(http -> http.value().toLowerCase(Locale.ROOT))
                .findFirst().orElse(null);
    }

    private static String pathOf(Class<?> resource, Method method) {
        String base = resource.getAnnotation(Path.class).value();
        Path own = method.getAnnotation(Path.class);
        String path = own == null ? base : base.replaceAll("/$", "") + "/" + own.value().replaceAll("^/", "");
        return path.length() > 1 ? path.replaceAll("/$", "") : path;
    }
}
