package io.plurum.gateway.docs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import io.plurum.gateway.proxy.Upstream;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Makes one OpenAPI document of the services' own. A service documents its paths from its root; the gateway publishes
 * them below its prefix, and only the operations it routes to that very service: internal endpoints, and whatever a
 * service documents that another one answers, stay out. Components that two services name alike but define
 * differently are renamed after their service, references included; components that no operation left in needs
 * are left out. Operations without a tag get their service's.
 */
final class OpenApiMerger {

    static final String MISSING_SERVICES = "x-plurum-missing-services";
    private static final String OPENAPI_VERSION = "3.1.0";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String DESCRIPTION = """
            Every Plurum service's own OpenAPI document, merged by the gateway. Authenticate with \
            `Authorization: Bearer plrm_live_...`, the key that `POST /agents/register` returns; the public endpoints \
            (registration, search, reading experiences, pulse status) also answer without one. The WebSocket \
            `/pulse/ws` is described in PULSE.md.""";

    private final String prefix;
    private final BiFunction<HttpMethod, String, Optional<Upstream>> destination;
    private final String version;

    /**
     * @param destination the service the gateway sends a request with this method and raw public path to, if any
     * @param version     the version of the merged document
     */
    OpenApiMerger(String prefix, BiFunction<HttpMethod, String, Optional<Upstream>> destination, String version) {
        this.prefix = prefix;
        this.destination = destination;
        this.version = version;
    }

    JsonObject merge(List<ServiceDocument> services) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        List<String> missing = new ArrayList<>();
        for (ServiceDocument service : services) {
            String tag = tagOf(service.upstream());
            if (service.document().isEmpty()) {
                missing.add(tag);
                continue;
            }
            JsonObject document = withDistinctComponentNames(tag, service.document().get(), components);
            mergeComponents(document, components);
            mergePaths(service.upstream(), document, paths);
            tags.add(new JsonObject().put("name", tag).put("description", description(document)));
        }
        JsonObject merged = new JsonObject()
                .put("openapi", OPENAPI_VERSION)
                .put("info", new JsonObject()
                        .put("title", "Plurum API")
                        .put("version", version)
                        .put("description", DESCRIPTION + missingNote(missing)))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", referencedFrom(paths, components));
        if (components.getValue("securitySchemes") instanceof JsonObject schemes) {
            merged.put("security", keyOptional(schemes));
        }
        if (!missing.isEmpty()) {
            merged.put(MISSING_SERVICES, new JsonArray(missing));
        }
        return merged;
    }

    private void mergePaths(Upstream upstream, JsonObject document, JsonObject merged) {
        // Quarkus documents parameters per operation; the fields of a path item itself (its servers above all)
        // describe the service, not the gateway, and are left out.
        for (Map.Entry<String, Object> path : objectOrEmpty(document, "paths")) {
            if (!(path.getValue() instanceof JsonObject item)) {
                continue;
            }
            String publicPath = prefix + path.getKey();
            JsonObject publicItem = merged.getJsonObject(publicPath, new JsonObject());
            for (Map.Entry<String, Object> operation : item) {
                if (operation.getValue() instanceof JsonObject definition && METHODS.contains(operation.getKey())
                        && routesTo(operation.getKey(), publicPath, upstream)) {
                    publicItem.put(operation.getKey(), tagged(definition, tagOf(upstream)));
                }
            }
            if (!publicItem.isEmpty()) {
                merged.put(publicPath, publicItem);
            }
        }
    }

    private boolean routesTo(String method, String publicPath, Upstream upstream) {
        return destination.apply(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), publicPath)
                .filter(upstream::equals)
                .isPresent();
    }

    private static JsonObject tagged(JsonObject operation, String tag) {
        if (operation.getValue("tags") instanceof JsonArray tags && !tags.isEmpty()) {
            return operation;
        }
        return operation.copy().put("tags", new JsonArray().add(tag));
    }

    private static void mergeComponents(JsonObject document, JsonObject merged) {
        for (Map.Entry<String, JsonObject> section : sections(document)) {
            JsonObject mergedSection = merged.getJsonObject(section.getKey(), new JsonObject());
            section.getValue().forEach(component -> {
                if (!mergedSection.containsKey(component.getKey())) {
                    mergedSection.put(component.getKey(), component.getValue());
                }
            });
            merged.put(section.getKey(), mergedSection);
        }
    }

    /**
     * The service's document with each component that clashes with a different one of the same name already merged
     * renamed, and every reference to it. A renamed component changes those that refer to it, which may then clash
     * in turn: repeated until no clash is left.
     */
    private static JsonObject withDistinctComponentNames(String tag, JsonObject original, JsonObject merged) {
        Map<String, String> renamed = new HashMap<>();
        JsonObject document = original;
        boolean clashed = true;
        while (clashed) {
            clashed = false;
            for (Map.Entry<String, JsonObject> section : sections(document)) {
                JsonObject mergedSection = merged.getJsonObject(section.getKey(), new JsonObject());
                for (Map.Entry<String, Object> component : section.getValue()) {
                    Object other = mergedSection.getValue(component.getKey());
                    // Each name is renamed once: should a new name clash as well, the loop still ends.
                    if (other != null && !other.equals(component.getValue())
                            && renamed.putIfAbsent(reference(section.getKey(), component.getKey()),
                                    reference(section.getKey(), tag + "." + component.getKey())) == null) {
                        clashed = true;
                    }
                }
            }
            if (clashed) {
                document = renamed(original, renamed);
            }
        }
        return document;
    }

    private static JsonObject renamed(JsonObject original, Map<String, String> renamed) {
        JsonObject document = (JsonObject) withReferences(original, renamed);
        JsonObject components = objectOrEmpty(document, "components");
        for (Map.Entry<String, JsonObject> section : sections(document)) {
            String sectionReference = reference(section.getKey(), "");
            JsonObject names = new JsonObject();
            section.getValue().forEach(component -> {
                String reference = renamed.getOrDefault(reference(section.getKey(), component.getKey()),
                        reference(section.getKey(), component.getKey()));
                names.put(reference.substring(sectionReference.length()), component.getValue());
            });
            components.put(section.getKey(), names);
        }
        return document;
    }

    /** A copy of a JSON value with every {@code $ref} to a renamed component changed. */
    private static Object withReferences(Object value, Map<String, String> renamed) {
        if (value instanceof JsonObject object) {
            JsonObject copy = new JsonObject();
            object.forEach(field -> copy.put(field.getKey(),
                    "$ref".equals(field.getKey()) && field.getValue() instanceof String target
                            ? renamed.getOrDefault(target, target)
                            : withReferences(field.getValue(), renamed)));
            return copy;
        }
        if (value instanceof JsonArray array) {
            JsonArray copy = new JsonArray();
            array.forEach(item -> copy.add(withReferences(item, renamed)));
            return copy;
        }
        return value;
    }

    /**
     * The components that the paths refer to, directly or through one another, and the security schemes: those of
     * the operations left out (internal ones above all) go with them.
     */
    private static JsonObject referencedFrom(JsonObject paths, JsonObject components) {
        JsonObject referenced = new JsonObject();
        Deque<Object> pending = new ArrayDeque<>(List.of(paths));
        while (!pending.isEmpty()) {
            for (String reference : references(pending.pop(), new ArrayList<>())) {
                String[] parts = reference.split("/", -1);
                if (parts.length != 4 || !reference.startsWith(reference(parts[2], ""))) {
                    continue;
                }
                JsonObject section = referenced.getJsonObject(parts[2], new JsonObject());
                Object component = objectOrEmpty(components, parts[2]).getValue(parts[3]);
                if (component != null && !section.containsKey(parts[3])) {
                    section.put(parts[3], component);
                    referenced.put(parts[2], section);
                    pending.push(component);
                }
            }
        }
        if (components.getValue("securitySchemes") instanceof JsonObject schemes) {
            referenced.put("securitySchemes", schemes);
        }
        return referenced;
    }

    private static List<String> references(Object value, List<String> found) {
        if (value instanceof JsonObject object) {
            object.forEach(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue() instanceof String reference) {
                    found.add(reference);
                } else {
                    references(field.getValue(), found);
                }
            });
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> references(item, found));
        }
        return found;
    }

    private static List<Map.Entry<String, JsonObject>> sections(JsonObject document) {
        List<Map.Entry<String, JsonObject>> sections = new ArrayList<>();
        for (Map.Entry<String, Object> section : objectOrEmpty(document, "components")) {
            if (section.getValue() instanceof JsonObject components) {
                sections.add(Map.entry(section.getKey(), components));
            }
        }
        return sections;
    }

    private static JsonObject objectOrEmpty(JsonObject parent, String field) {
        return parent.getValue(field) instanceof JsonObject object ? object : new JsonObject();
    }

    private static String reference(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    /**
     * The default for an operation that says nothing: a key is accepted. Each service marks the operations that need
     * one (and its tests check the marks against what its resources enforce, see OpenApiKeys).
     */
    private static JsonArray keyOptional(JsonObject schemes) {
        JsonArray security = new JsonArray();
        schemes.fieldNames().forEach(scheme -> security.add(new JsonObject().put(scheme, new JsonArray())));
        return security.add(new JsonObject());
    }

    private static String description(JsonObject document) {
        return objectOrEmpty(document, "info").getValue("description") instanceof String description
                ? description : "";
    }

    private static String missingNote(List<String> missing) {
        return missing.isEmpty() ? "" : "\n\nNot included, because the service did not answer: "
                + String.join(", ", missing) + ". Reload in a moment.";
    }

    private static String tagOf(Upstream upstream) {
        return upstream.name().toLowerCase(Locale.ROOT);
    }
}
