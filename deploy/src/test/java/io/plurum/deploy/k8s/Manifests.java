package io.plurum.deploy.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * What one overlay renders to, as typed Kubernetes objects (custom resources of Strimzi and CloudNativePG as
 * {@link GenericKubernetesResource}), with the look-ups the manifest checks share.
 */
final class Manifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = objects;
    }

    /**
     * Parses rendered resources. A field the typed model does not know (a typo such as {@code readinesProbe}, or one
     * at the wrong level) fails here: the API server would drop it, and the check it was meant for with it.
     */
    static Manifests parse(List<Map<String, Object>> resources) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            HasMetadata object = Serialization.unmarshal(json(resource));
            List<String> unknown = new ArrayList<>();
            if (!(object instanceof GenericKubernetesResource)) {
                collectUnknownFields(object, "", unknown);
            }
            if (!unknown.isEmpty()) {
                throw new IllegalStateException(object.getKind() + " " + object.getMetadata().getName()
                        + " has fields Kubernetes does not know: " + unknown);
            }
            objects.add(object);
        }
        return new Manifests(objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    /** Custom resources of one kind, e.g. {@code kafka.strimzi.io} and {@code KafkaTopic}. */
    List<GenericKubernetesResource> custom(String group, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(resource -> resource.getApiVersion().startsWith(group + "/") && resource.getKind().equals(kind))
                .toList();
    }

    /** The Deployments and StatefulSets. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(deployment -> workloads.add(new Workload(deployment,
                deployment.getSpec().getSelector(), deployment.getSpec().getTemplate(),
                deployment.getSpec().getReplicas(), List.of())));
        all(StatefulSet.class).forEach(set -> workloads.add(new Workload(set, set.getSpec().getSelector(),
                set.getSpec().getTemplate(), set.getSpec().getReplicas(), set.getSpec().getVolumeClaimTemplates())));
        return workloads;
    }

    Optional<Workload> workload(String name) {
        return workloads().stream().filter(workload -> workload.name().equals(name)).findFirst();
    }

    /**
     * Where a Service port leads: the workload its selector picks (exactly one) and the container port its target
     * port names. Empty when the Service or the port does not exist or leads nowhere.
     */
    Optional<Endpoint> endpoint(String serviceName, IntOrString servicePort) {
        Optional<Service> service = find(Service.class, serviceName);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        List<Workload> selected = workloads().stream()
                .filter(workload -> workload.labels().entrySet().containsAll(
                        service.get().getSpec().getSelector().entrySet()))
                .toList();
        Optional<ServicePort> port = service.get().getSpec().getPorts().stream()
                .filter(candidate -> servicePort.getIntVal() != null
                        ? candidate.getPort().equals(servicePort.getIntVal())
                        : servicePort.getStrVal().equals(candidate.getName()))
                .findFirst();
        if (selected.size() != 1 || port.isEmpty()) {
            return Optional.empty();
        }
        IntOrString target = port.get().getTargetPort() != null ? port.get().getTargetPort()
                : new IntOrString(port.get().getPort());
        return selected.getFirst().containerPort(target).map(number -> new Endpoint(selected.getFirst(), number));
    }

    /** Where a {@code http://host:port} URL inside the namespace leads. */
    Optional<Endpoint> endpoint(String url) {
        URI uri = URI.create(url);
        return uri.getPort() < 0 ? Optional.empty() : endpoint(uri.getHost(), new IntOrString(uri.getPort()));
    }

    /** A workload and the container port number a request reaches it on. */
    record Endpoint(Workload workload, int port) {
    }

    /** A Deployment or a StatefulSet, whichever an application runs as. */
    record Workload(HasMetadata resource, LabelSelector selector, PodTemplateSpec template, Integer replicas,
            List<PersistentVolumeClaim> claimTemplates) {

        String name() {
            return resource.getMetadata().getName();
        }

        String kind() {
            return resource.getKind();
        }

        Map<String, String> labels() {
            return template.getMetadata().getLabels();
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }

        /** The container port a probe or a Service target port names, by number or by name. */
        Optional<Integer> containerPort(IntOrString port) {
            return containers().stream()
                    .flatMap(container -> container.getPorts().stream())
                    .filter(candidate -> port.getIntVal() != null
                            ? candidate.getContainerPort().equals(port.getIntVal())
                            : port.getStrVal().equals(candidate.getName()))
                    .map(ContainerPort::getContainerPort)
                    .findFirst();
        }
    }

    /**
     * The environment a container starts with, as far as the manifests tell it: literal values and values from
     * ConfigMaps (a missing ConfigMap or key is left out; the reference checks report it), and which variables come
     * from which Secret key.
     */
    Environment environment(Container container) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SecretKeySelector> secrets = new LinkedHashMap<>();
        for (var source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                find(ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(configMap -> values.putAll(configMap.getData()));
            }
        }
        for (var variable : container.getEnv()) {
            if (variable.getValue() != null) {
                values.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                var key = variable.getValueFrom().getConfigMapKeyRef();
                find(ConfigMap.class, key.getName()).map(configMap -> configMap.getData().get(key.getKey()))
                        .ifPresent(value -> values.put(variable.getName(), value));
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                secrets.put(variable.getName(), variable.getValueFrom().getSecretKeyRef());
            }
        }
        return new Environment(values, secrets);
    }

    record Environment(Map<String, String> values, Map<String, SecretKeySelector> secrets) {
    }

    private static String json(Map<String, Object> resource) {
        try {
            return JSON.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model keeps a field it does not know in {@code additionalProperties}; this finds every such field. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        switch (node) {
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
                }
            }
            case Map<?, ?> map -> map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            case null -> {
            }
            default -> {
                if (node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
                    collectUnknownBeanFields(node, path, unknown);
                }
            }
        }
    }

    private static void collectUnknownBeanFields(Object bean, String path, List<String> unknown) {
        for (Method getter : bean.getClass().getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(bean);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + path + " through " + getter, e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else if (getter.getDeclaringClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                collectUnknownFields(value, path + "." + property, unknown);
            }
        }
    }
}
