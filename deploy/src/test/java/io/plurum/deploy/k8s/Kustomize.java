package io.plurum.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of Kustomize that deploy/k8s uses:
 * {@code resources}, {@code components}, {@code patches} (strategic merge or JSON 6902, by id or by target),
 * {@code namespace}, {@code images} and {@code replicas}. Anything else fails loudly instead of being skipped, so that
 * an overlay never passes this test only because part of it was not read. Resources come out as plain YAML trees.
 */
final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS =
            Set.of("apiVersion", "kind", "resources", "components", "patches", "namespace", "images", "replicas");
    private static final Set<String> IMAGE_FIELDS = Set.of("name", "newName", "newTag");
    private static final Set<String> REPLICAS_FIELDS = Set.of("name", "count");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace");
    private static final Set<String> SCALABLE_KINDS = Set.of("Deployment", "StatefulSet");

    private Kustomize() {
    }

    /** The resources a Kustomization directory renders to, in the order they were declared. */
    static List<Map<String, Object>> render(Path directory) {
        return apply(directory, "Kustomization", new ArrayList<>());
    }

    /** Reads every YAML document of a file, skipping empty ones. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readDocuments(Path file) {
        try {
            return Yaml.documents(Files.readString(file)).stream().map(document -> (Map<String, Object>) document)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Builds a Kustomization on its own, or applies a Component to what its parent has built so far. */
    private static List<Map<String, Object>> apply(Path directory, String kind, List<Map<String, Object>> resources) {
        Path file = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = readDocuments(file).getFirst();
        if (!kind.equals(kustomization.get("kind"))) {
            throw new IllegalStateException(file + " must be a " + kind + ", is " + kustomization.get("kind"));
        }
        Yaml.requireOnly(kustomization, FIELDS, file.toString());
        for (String entry : Yaml.strings(kustomization.get("resources"))) {
            Path path = directory.resolve(entry).normalize();
            List<Map<String, Object>> added = Files.isDirectory(path) ? render(path) : readDocuments(path);
            added.forEach(resource -> add(resources, resource, file));
        }
        for (String entry : Yaml.strings(kustomization.get("components"))) {
            apply(directory.resolve(entry).normalize(), "Component", resources);
        }
        for (Map<String, Object> patch : Yaml.maps(kustomization.get("patches"))) {
            Patches.apply(resources, patch, directory);
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            resources.stream()
                    .filter(resource -> !CLUSTER_SCOPED_KINDS.contains(resource.get("kind")))
                    .forEach(resource -> Yaml.map(resource, "metadata").put("namespace", namespace));
        }
        for (Map<String, Object> image : Yaml.maps(kustomization.get("images"))) {
            setImage(resources, image, file);
        }
        for (Map<String, Object> replicas : Yaml.maps(kustomization.get("replicas"))) {
            setReplicas(resources, replicas, file);
        }
        return resources;
    }

    private static void add(List<Map<String, Object>> resources, Map<String, Object> resource, Path file) {
        boolean duplicate = resources.stream().anyMatch(existing -> Objects.equals(existing.get("kind"),
                resource.get("kind")) && Objects.equals(Yaml.name(existing), Yaml.name(resource)));
        if (duplicate) {
            throw new IllegalStateException(file + ": " + resource.get("kind") + " " + Yaml.name(resource)
                    + " is declared twice");
        }
        resources.add(resource);
    }

    /** Kustomize's image transformer, for the containers of pod templates. */
    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> entry, Path file) {
        Yaml.requireOnly(entry, IMAGE_FIELDS, file + ": images");
        String name = (String) entry.get("name");
        int changed = 0;
        for (Map<String, Object> resource : resources) {
            if (!(Yaml.at(resource, "spec", "template", "spec") instanceof Map<?, ?> podSpec)) {
                continue;
            }
            for (Map<String, Object> container : Yaml.maps(podSpec.get("containers"))) {
                String image = (String) container.get("image");
                int tagAt = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.lastIndexOf(':') : image.length();
                if (image.substring(0, tagAt).equals(name)) {
                    String newName = (String) entry.getOrDefault("newName", name);
                    String tag = entry.containsKey("newTag") ? ":" + entry.get("newTag") : image.substring(tagAt);
                    container.put("image", newName + tag);
                    changed++;
                }
            }
        }
        if (changed == 0) {
            throw new IllegalStateException(file + ": no container runs the image " + name);
        }
    }

    private static void setReplicas(List<Map<String, Object>> resources, Map<String, Object> entry, Path file) {
        Yaml.requireOnly(entry, REPLICAS_FIELDS, file + ": replicas");
        Map<String, Object> target = resources.stream()
                .filter(resource -> SCALABLE_KINDS.contains(resource.get("kind"))
                        && entry.get("name").equals(Yaml.name(resource)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": nothing to scale named " + entry.get("name")));
        Yaml.map(target, "spec").put("replicas", entry.get("count"));
    }

    /** Navigating the untyped trees that Kustomize works on. */
    static final class Yaml {

        private Yaml() {
        }

        static String name(Map<String, Object> resource) {
            return (String) at(resource, "metadata", "name");
        }

        static Object at(Map<String, Object> tree, String... path) {
            Object node = tree;
            for (String key : path) {
                if (!(node instanceof Map<?, ?> map)) {
                    return null;
                }
                node = map.get(key);
            }
            return node;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Map<String, Object> parent, String key) {
            return (Map<String, Object>) parent.computeIfAbsent(key, absent -> new LinkedHashMap<>());
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> maps(Object list) {
            return list == null ? List.of() : (List<Map<String, Object>>) list;
        }

        @SuppressWarnings("unchecked")
        static List<String> strings(Object list) {
            return list == null ? List.of() : (List<String>) list;
        }

        /** Fails on a field this reader does not know, rather than rendering as if it were not there. */
        static void requireOnly(Map<?, ?> map, Set<String> fields, String where) {
            map.keySet().stream().filter(field -> !fields.contains(field)).findFirst().ifPresent(field -> {
                throw new UnsupportedOperationException(where + ": '" + field + "' is not supported by this reader");
            });
        }

        /** A deep copy, so that a value patched into several resources is not shared by them. */
        static Object copy(Object node) {
            return switch (node) {
                case Map<?, ?> map -> {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    map.forEach((key, value) -> copy.put((String) key, copy(value)));
                    yield copy;
                }
                case List<?> list -> list.stream().map(Yaml::copy).collect(Collectors.toCollection(ArrayList::new));
                case null, default -> node;
            };
        }

        /** The documents of a YAML stream, empty ones left out. */
        static List<Object> documents(String yaml) {
            List<Object> documents = new ArrayList<>();
            try (var parser = YAML.createParser(yaml)) {
                YAML.readValues(parser, new TypeReference<Object>() { }).forEachRemaining(document -> {
                    if (document != null) {
                        documents.add(document);
                    }
                });
                return documents;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
