package io.plurum.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.plurum.deploy.k8s.Kustomize.Yaml;

/**
 * One entry of a kustomization's {@code patches}: a strategic-merge patch (one or more documents, each finding its
 * resource by kind and name unless a target is given) or a JSON 6902 patch (a list of operations, for a target).
 *
 * <p>Kustomize merges lists of built-in kinds by per-field keys it takes from the Kubernetes schema; this reader does
 * not know them and refuses such a patch (write a JSON 6902 patch instead). Lists of custom resources are replaced
 * whole, as Kustomize does for kinds it has no schema for.
 */
final class Patches {

    private static final Set<String> ENTRY_FIELDS = Set.of("path", "patch", "target");
    private static final Set<String> TARGET_FIELDS = Set.of("kind", "name", "group", "version");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "policy", "autoscaling", "networking.k8s.io");

    private Patches() {
    }

    static void apply(List<Map<String, Object>> resources, Map<String, Object> entry, Path directory) {
        Yaml.requireOnly(entry, ENTRY_FIELDS, directory + ": patches");
        Path file = entry.get("path") instanceof String path ? directory.resolve(path) : null;
        String source = file != null ? file.toString() : "an inline patch in " + directory;
        List<Object> documents = Yaml.documents(file != null ? read(file) : (String) entry.get("patch"));
        Predicate<Map<String, Object>> target = entry.get("target") instanceof Map<?, ?> selector
                ? target(selector, source) : null;
        if (documents.getFirst() instanceof List<?> operations) {
            if (target == null) {
                throw new IllegalStateException(source + ": a JSON 6902 patch needs a target");
            }
            matching(resources, target, source).forEach(resource -> JsonPatch.apply(resource, operations, source));
            return;
        }
        for (Object document : documents) {
            @SuppressWarnings("unchecked")
            Map<String, Object> patch = (Map<String, Object>) document;
            Predicate<Map<String, Object>> selected = target != null ? target
                    : resource -> patch.get("kind").equals(resource.get("kind"))
                            && Yaml.name(patch).equals(Yaml.name(resource));
            matching(resources, selected, source).forEach(resource -> merge(resource, patch, resource, source));
        }
    }

    private static List<Map<String, Object>> matching(List<Map<String, Object>> resources,
            Predicate<Map<String, Object>> target, String source) {
        List<Map<String, Object>> matched = resources.stream().filter(target).toList();
        if (matched.isEmpty()) {
            throw new IllegalStateException(source + " patches nothing");
        }
        return matched;
    }

    private static Predicate<Map<String, Object>> target(Map<?, ?> selector, String source) {
        Yaml.requireOnly(selector, TARGET_FIELDS, source + ": target");
        return resource -> selector.entrySet().stream().allMatch(criterion -> criterion.getValue().equals(
                switch ((String) criterion.getKey()) {
                    case "kind" -> resource.get("kind");
                    case "name" -> Yaml.name(resource);
                    case "group" -> group(resource);
                    default -> version(resource);
                }));
    }

    /** A strategic merge: maps merge key by key, a null deletes, scalars and lists of custom resources replace. */
    private static void merge(Map<String, Object> target, Map<String, Object> patch, Map<String, Object> resource,
            String source) {
        patch.forEach((key, value) -> {
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException(source + ": directive " + key + " is not supported");
            }
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && target.get(key) instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> patchMap = (Map<String, Object>) value;
                merge(Yaml.map(target, key), patchMap, resource, source);
            } else if (value instanceof List<?> && BUILT_IN_GROUPS.contains(group(resource))) {
                throw new UnsupportedOperationException(source + ": list '" + key + "' of a built-in kind: this reader"
                        + " cannot merge it as Kustomize does; use a JSON 6902 patch");
            } else {
                target.put(key, Yaml.copy(value));
            }
        });
    }

    private static String group(Map<String, Object> resource) {
        String apiVersion = (String) resource.get("apiVersion");
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String version(Map<String, Object> resource) {
        String apiVersion = (String) resource.get("apiVersion");
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
