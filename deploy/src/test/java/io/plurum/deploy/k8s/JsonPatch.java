package io.plurum.deploy.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.plurum.deploy.k8s.Kustomize.Yaml;

/** The {@code add}, {@code replace} and {@code remove} operations of JSON Patch (RFC 6902) on a YAML tree. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(Map<String, Object> resource, List<?> operations, String source) {
        for (Object item : operations) {
            Map<?, ?> operation = (Map<?, ?>) item;
            String op = (String) operation.get("op");
            String path = (String) operation.get("path");
            List<String> tokens = Arrays.stream(path.substring(1).split("/", -1))
                    .map(token -> token.replace("~1", "/").replace("~0", "~"))
                    .toList();
            Object parent = resource;
            for (String token : tokens.subList(0, tokens.size() - 1)) {
                parent = child(parent, token, path, source);
            }
            String last = tokens.getLast();
            switch (op) {
                case "add" -> add(parent, last, Yaml.copy(operation.get("value")));
                case "replace" -> {
                    child(parent, last, path, source);
                    set(parent, last, Yaml.copy(operation.get("value")));
                }
                case "remove" -> {
                    child(parent, last, path, source);
                    remove(parent, last);
                }
                default -> throw new UnsupportedOperationException(source + ": JSON patch op '" + op + "'");
            }
        }
    }

    private static Object child(Object node, String token, String path, String source) {
        Object child = switch (node) {
            case Map<?, ?> map -> map.get(token);
            case List<?> list when token.matches("\\d+") && Integer.parseInt(token) < list.size() ->
                    list.get(Integer.parseInt(token));
            default -> null;
        };
        if (child == null) {
            throw new IllegalStateException(source + ": " + path + " does not exist");
        }
        return child;
    }

    @SuppressWarnings("unchecked")
    private static void add(Object parent, String token, Object value) {
        if (parent instanceof List<?> list) {
            List<Object> items = (List<Object>) list;
            items.add(token.equals("-") ? items.size() : Integer.parseInt(token), value);
        } else {
            ((Map<String, Object>) parent).put(token, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Object parent, String token, Object value) {
        if (parent instanceof List<?> list) {
            ((List<Object>) list).set(Integer.parseInt(token), value);
        } else {
            ((Map<String, Object>) parent).put(token, value);
        }
    }

    private static void remove(Object parent, String token) {
        if (parent instanceof List<?> list) {
            list.remove(Integer.parseInt(token));
        } else {
            ((Map<?, ?>) parent).remove(token);
        }
    }
}
