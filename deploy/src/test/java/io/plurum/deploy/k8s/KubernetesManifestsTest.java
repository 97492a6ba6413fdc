package io.plurum.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRequestRedirectFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.plurum.deploy.k8s.Kustomize.Yaml;
import io.plurum.deploy.k8s.Manifests.Endpoint;
import io.plurum.deploy.k8s.Manifests.Environment;
import io.plurum.deploy.k8s.Manifests.Workload;
import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;

/**
 * Renders every overlay of deploy/k8s (no cluster needed) and checks that what it would deploy can run Plurum: each
 * application with probes, resources, a Service and a disruption budget; autoscaling for search and pulse; the edge
 * routing the local gateway's public paths and nothing internal; Kafka topics as the registry declares them;
 * databases, ConfigMaps and Secrets where the services look for them; and images built by the Dockerfiles.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path COMPOSE = Path.of("compose");
    private static final Path REPOSITORY = Path.of("..");

    /**
     * An application of the stack: the port it listens on (application.properties), the variable that sets it, and
     * the database it owns, whose name also prefixes its URL variables (AGENTS_DB_REACTIVE_URL).
     */
    private record App(String name, int port, String portVariable, String database) {
    }

    private static final List<App> APPS = List.of(
            new App("agents-service", 8081, "PLURUM_SERVICE_PORT", "agents"),
            new App("sessions-service", 8082, "PLURUM_SERVICE_PORT", "sessions"),
            new App("experiences-service", 8083, "PLURUM_SERVICE_PORT", "experiences"),
            new App("search-service", 8084, "PLURUM_SERVICE_PORT", null),
            new App("pulse-service", 8085, "PLURUM_SERVICE_PORT", "pulse"),
            new App("gateway", 8080, "PLURUM_PORT", null));
    private static final App GATEWAY = APPS.getLast();
    private static final List<App> SERVICES = APPS.subList(0, APPS.size() - 1);
    private static final Set<String> AUTOSCALED = Set.of("search-service", "pulse-service");

    private static final String API = "/api/v1";
    private static final String WEBSOCKET = "/pulse/ws";

    /** A request below the public prefix, and the upstream the local gateway sends it to (see its Routes class). */
    private record PublicRoute(String method, String path, String upstream) {
    }

    private static final List<PublicRoute> PUBLIC_ROUTES = List.of(
            new PublicRoute("POST", "/agents/register", "agents"),
            new PublicRoute("GET", "/agents/me", "agents"),
            new PublicRoute("POST", "/sessions", "sessions"),
            new PublicRoute("POST", "/sessions/s1/entries", "sessions"),
            new PublicRoute("GET", "/experiences", "experiences"),
            new PublicRoute("GET", "/experiences/e1", "experiences"),
            new PublicRoute("POST", "/experiences/e1/acquire", "experiences"),
            new PublicRoute("POST", "/experiences/search", "search"),
            new PublicRoute("GET", "/experiences/e1/similar", "search"),
            new PublicRoute("GET", "/pulse/inbox", "pulse"),
            new PublicRoute("GET", WEBSOCKET, "pulse"));

    /** The skill documents the gateway serves itself, with this instance's address in them. */
    private static final List<String> SKILL_DOCUMENTS =
            List.of("/skill.md", "/heartbeat.md", "/pulse.md", "/skill.json");

    /** A request as it reaches the edge. */
    private record Request(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Paths of the services' internal endpoints, with and without the public prefix in front. */
    private static final List<String> INTERNAL_PATHS = List.of("/internal/credentials/0a1b",
            API + "/internal/credentials/0a1b", "/internal/sessions/matches", API + "/internal/sessions/matches");

    /** What the gateway waits for an upstream unless PLURUM_GATEWAY_TIMEOUT says otherwise (GatewayConfig). */
    private static final Duration GATEWAY_TIMEOUT = Duration.ofSeconds(30);

    /** A service's database on the primary of a CloudNativePG cluster: its {@code <cluster>-rw} Service. */
    private static final Pattern DATABASE_URL = Pattern.compile("postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)");

    /** The keys of the Secret CloudNativePG generates for a cluster's application owner ({@code <cluster>-app}). */
    private static final Set<String> CNPG_APP_SECRET_KEYS =
            Set.of("username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass");

    private record Overlay(String name, Manifests manifests) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Overlay> overlays() {
        try (Stream<Path> directories = Files.list(K8S.resolve("overlays"))) {
            return directories.filter(Files::isDirectory).sorted()
                    .map(directory -> new Overlay("overlays/" + directory.getFileName(),
                            Manifests.parse(Kustomize.render(directory))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRunEveryApplicationWithProbesResourcesAndNoPrivileges(Overlay overlay) {
        assertSoftly(softly -> {
            for (App app : APPS) {
                Optional<Workload> workload = overlay.manifests().workload(app.name());
                softly.assertThat(workload).as("%s: a Deployment or StatefulSet named %s", overlay, app.name())
                        .isPresent();
                workload.ifPresent(found -> checkWorkload(softly, overlay, app, found));
            }
        });
    }

    private static void checkWorkload(SoftAssertions softly, Overlay overlay, App app, Workload workload) {
        String what = overlay + ": " + app.name();
        softly.assertThat(workload.labels()).as("%s: pod labels match the selector", what)
                .containsAllEntriesOf(workload.selector().getMatchLabels());
        Optional<Container> found = container(workload, app);
        softly.assertThat(found).as("%s: a container named %s", what, app.name()).isPresent();
        if (found.isEmpty()) {
            return;
        }
        Container container = found.get();
        softly.assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort)
                .as("%s: container ports", what).contains(app.port());
        softly.assertThat(overlay.manifests().environment(container).values())
                .as("%s: %s, the port the application listens on, is the container port", what, app.portVariable())
                .containsEntry(app.portVariable(), Integer.toString(app.port()));
        checkProbe(softly, what + ": liveness probe", workload, container.getLivenessProbe(), "/q/health/live", app);
        checkProbe(softly, what + ": readiness probe", workload, container.getReadinessProbe(), "/q/health/ready",
                app);
        checkProbe(softly, what + ": startup probe", workload, container.getStartupProbe(), "/q/health/started", app);

        var resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources.getRequests().get(resource);
            Quantity limit = resources.getLimits().get(resource);
            softly.assertThat(request).as("%s: %s request", what, resource).isNotNull();
            softly.assertThat(limit).as("%s: %s limit", what, resource).isNotNull();
            if (request != null && limit != null) {
                softly.assertThat(request.getNumericalAmount()).as("%s: %s request within its limit", what, resource)
                        .isLessThanOrEqualTo(limit.getNumericalAmount());
            }
        }

        var pod = workload.template().getSpec().getSecurityContext();
        var own = container.getSecurityContext();
        softly.assertThat(own).as("%s: container security context", what).isNotNull();
        if (own == null) {
            return;
        }
        softly.assertThat(Boolean.TRUE.equals(own.getRunAsNonRoot())
                        || pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot()))
                .as("%s: runAsNonRoot", what).isTrue();
        softly.assertThat(own.getAllowPrivilegeEscalation()).as("%s: allowPrivilegeEscalation", what).isFalse();
        softly.assertThat(own.getReadOnlyRootFilesystem()).as("%s: readOnlyRootFilesystem", what).isTrue();
        // Vert.x and Netty unpack files into /tmp: on a read-only root it must be a volume.
        softly.assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath)
                .as("%s: a writable /tmp on the read-only root", what).contains("/tmp");
    }

    private static void checkProbe(SoftAssertions softly, String what, Workload workload, Probe probe, String path,
            App app) {
        softly.assertThat(probe).as(what).isNotNull();
        if (probe == null) {
            return;
        }
        softly.assertThat(probe.getHttpGet()).as("%s: an HTTP GET", what).isNotNull();
        if (probe.getHttpGet() != null) {
            softly.assertThat(probe.getHttpGet().getPath()).as("%s: path", what).isEqualTo(path);
            softly.assertThat(workload.containerPort(probe.getHttpGet().getPort())).as("%s: port", what)
                    .contains(app.port());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldExposeEveryApplicationThroughAServiceAndBoundItsDisruptions(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        assertSoftly(softly -> {
            for (App app : APPS) {
                softly.assertThat(manifests.endpoint(app.name(), new IntOrString(app.port()))
                                .map(KubernetesManifestsTest::describe))
                        .as("%s: Service %s port %d leads to the pods of %s, on their container port", overlay,
                                app.name(), app.port(), app.name())
                        .contains(app.name() + ":" + app.port());
                manifests.workload(app.name()).ifPresent(workload -> softly.assertThat(
                                manifests.all(PodDisruptionBudget.class).stream().filter(budget -> selects(
                                        budget.getSpec().getSelector().getMatchLabels(), workload)))
                        .as("%s: a PodDisruptionBudget selecting the pods of %s", overlay, app.name())
                        .hasSize(1));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldAutoscaleSearchAndPulse(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        List<HorizontalPodAutoscaler> autoscalers = manifests.all(HorizontalPodAutoscaler.class);
        assertSoftly(softly -> {
            for (HorizontalPodAutoscaler autoscaler : autoscalers) {
                var target = autoscaler.getSpec().getScaleTargetRef();
                softly.assertThat(manifests.workload(target.getName()).map(Workload::kind))
                        .as("%s: HorizontalPodAutoscaler %s scales an existing %s", overlay,
                                autoscaler.getMetadata().getName(), target.getKind())
                        .contains(target.getKind());
                softly.assertThat(autoscaler.getSpec().getMinReplicas()).as("%s: minReplicas", overlay)
                        .isPositive().isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
                softly.assertThat(autoscaler.getSpec().getMetrics()).as("%s: metrics", overlay).isNotEmpty();
                // Applying a replica count would reset whatever the autoscaler chose, on every deploy.
                manifests.workload(target.getName()).ifPresent(workload -> softly.assertThat(workload.replicas())
                        .as("%s: %s leaves its replica count to the autoscaler", overlay, workload.name()).isNull());
            }
            softly.assertThat(autoscalers).extracting(autoscaler -> autoscaler.getSpec().getScaleTargetRef().getName())
                    .as("%s: HorizontalPodAutoscalers (autoscaling/v2)", overlay)
                    .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldFindEveryConfigMapSecretAndUrlTheContainersReference(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        Map<String, Set<String>> secretKeys = secretKeys(manifests);
        assertSoftly(softly -> {
            for (Workload workload : manifests.workloads()) {
                for (Container container : workload.containers()) {
                    String what = overlay + ": " + workload.name();
                    for (var source : container.getEnvFrom()) {
                        if (source.getConfigMapRef() != null) {
                            softly.assertThat(manifests.find(ConfigMap.class, source.getConfigMapRef().getName()))
                                    .as("%s: ConfigMap %s", what, source.getConfigMapRef().getName()).isPresent();
                        }
                        if (source.getSecretRef() != null) {
                            softly.assertThat(secretKeys).as("%s: Secret %s", what, source.getSecretRef().getName())
                                    .containsKey(source.getSecretRef().getName());
                        }
                    }
                    for (var variable : container.getEnv()) {
                        var from = variable.getValueFrom();
                        if (from != null && from.getConfigMapKeyRef() != null) {
                            softly.assertThat(manifests.find(ConfigMap.class, from.getConfigMapKeyRef().getName())
                                            .map(configMap -> configMap.getData().keySet()).orElse(Set.of()))
                                    .as("%s: %s from ConfigMap %s", what, variable.getName(),
                                            from.getConfigMapKeyRef().getName())
                                    .contains(from.getConfigMapKeyRef().getKey());
                        }
                        if (from != null && from.getSecretKeyRef() != null) {
                            softly.assertThat(secretKeys.getOrDefault(from.getSecretKeyRef().getName(), Set.of()))
                                    .as("%s: %s from Secret %s", what, variable.getName(),
                                            from.getSecretKeyRef().getName())
                                    .contains(from.getSecretKeyRef().getKey());
                        }
                    }
                    manifests.environment(container).values().forEach((name, value) -> {
                        if (value.startsWith("http://")) {
                            softly.assertThat(manifests.endpoint(value))
                                    .as("%s: %s=%s reaches a Service and a container port", what, name, value)
                                    .isPresent();
                        }
                    });
                }
            }
        });
    }

    /** The Secrets the manifests declare, and the ones their operators generate, each with its keys. */
    private static Map<String, Set<String>> secretKeys(Manifests manifests) {
        Map<String, Set<String>> keys = manifests.all(Secret.class).stream().collect(Collectors.toMap(
                secret -> secret.getMetadata().getName(),
                secret -> Stream.concat(secret.getData().keySet().stream(), secret.getStringData().keySet().stream())
                        .collect(Collectors.toSet())));
        for (GenericKubernetesResource cluster : manifests.custom("postgresql.cnpg.io", "Cluster")) {
            if (cluster.get("spec", "bootstrap", "initdb", "secret") == null) {
                keys.put(cluster.getMetadata().getName() + "-app", CNPG_APP_SECRET_KEYS);
            }
        }
        return keys;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldSendEveryPublicRouteThroughTheEdgeToTheGateway(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        List<HTTPRoute> routes = manifests.all(HTTPRoute.class);
        List<Ingress> ingresses = manifests.all(Ingress.class);
        assertThat(routes.size() + ingresses.size()).as("%s: an HTTPRoute or an Ingress", overlay).isPositive();
        Duration gatewayTimeout = gatewayEnvironment(manifests).map(environment -> environment.values()
                .get("PLURUM_GATEWAY_TIMEOUT")).map(Edge::duration).orElse(GATEWAY_TIMEOUT);
        List<Request> requests = Stream.concat(
                PUBLIC_ROUTES.stream().map(route -> new Request(route.method(), API + route.path())),
                SKILL_DOCUMENTS.stream().map(document -> new Request("GET", document))).toList();
        assertSoftly(softly -> {
            for (Request request : requests) {
                for (HTTPRoute httpRoute : routes) {
                    String what = overlay + ": HTTPRoute " + httpRoute.getMetadata().getName() + " with " + request;
                    Optional<HTTPRouteRule> rule = Edge.rule(httpRoute, request.method(), request.path());
                    softly.assertThat(rule).as("%s: a rule", what).isPresent();
                    rule.ifPresent(found -> checkRule(softly, what, manifests, found, request, gatewayTimeout));
                }
                for (Ingress ingress : ingresses) {
                    String what = overlay + ": Ingress " + ingress.getMetadata().getName() + " with " + request;
                    softly.assertThat(Edge.backend(ingress, request.path())
                                    .flatMap(backend -> endpoint(manifests, backend))
                                    .map(KubernetesManifestsTest::describe))
                            .as("%s: reaches the gateway on its port", what)
                            .contains(GATEWAY.name() + ":" + GATEWAY.port());
                }
            }
            for (Ingress ingress : ingresses) {
                Map<String, String> annotations = ingress.getMetadata().getAnnotations();
                for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
                    softly.assertThat(annotations.getOrDefault("nginx.ingress.kubernetes.io/" + timeout, "60"))
                            .as("%s: Ingress %s keeps a quiet WebSocket open for an hour (%s)", overlay,
                                    ingress.getMetadata().getName(), timeout)
                            .matches(seconds -> Integer.parseInt(seconds) >= 3600);
                }
            }
            for (HTTPRoute route : routes) {
                for (ParentReference parent : route.getSpec().getParentRefs()) {
                    String what = overlay + ": HTTPRoute " + route.getMetadata().getName();
                    Optional<Gateway> gateway = manifests.find(Gateway.class, parent.getName());
                    softly.assertThat(gateway).as("%s: Gateway %s", what, parent.getName()).isPresent();
                    if (gateway.isPresent() && parent.getSectionName() != null) {
                        softly.assertThat(gateway.get().getSpec().getListeners()).extracting(Listener::getName)
                                .as("%s: listener %s", what, parent.getSectionName())
                                .contains(parent.getSectionName());
                    }
                }
            }
        });
    }

    /**
     * A rule either redirects to HTTPS or forwards to the gateway, with a request timeout that outlasts the gateway's
     * own (so that a slow service gets the gateway's 504 problem), and none for the WebSocket.
     */
    private static void checkRule(SoftAssertions softly, String what, Manifests manifests, HTTPRouteRule rule,
            Request request, Duration gatewayTimeout) {
        if (rule.getBackendRefs().isEmpty()) {
            softly.assertThat(rule.getFilters()).as("%s: without backends, the rule redirects to HTTPS", what)
                    .extracting(HTTPRouteFilter::getRequestRedirect).filteredOn(Objects::nonNull)
                    .extracting(HTTPRequestRedirectFilter::getScheme).containsExactly("https");
            return;
        }
        for (HTTPBackendRef backend : rule.getBackendRefs()) {
            softly.assertThat(manifests.endpoint(backend.getName(), new IntOrString(backend.getPort()))
                            .map(KubernetesManifestsTest::describe))
                    .as("%s: reaches the gateway on its port", what)
                    .contains(GATEWAY.name() + ":" + GATEWAY.port());
        }
        String timeout = rule.getTimeouts() == null ? null : rule.getTimeouts().getRequest();
        softly.assertThat(timeout).as("%s: a request timeout (implementations default to about 15 s)", what)
                .isNotNull();
        if (timeout != null && request.path().equals(API + WEBSOCKET)) {
            softly.assertThat(Edge.duration(timeout)).as("%s: no timeout on the WebSocket", what)
                    .isEqualTo(Duration.ZERO);
        } else if (timeout != null) {
            softly.assertThat(Edge.duration(timeout)).as("%s: request timeout", what).isGreaterThan(gatewayTimeout);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldWireTheGatewayToTheServiceOfEveryUpstream(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        Map<String, String> environment = gatewayEnvironment(manifests).map(Environment::values).orElse(Map.of());
        Set<String> upstreams = PUBLIC_ROUTES.stream().map(PublicRoute::upstream).collect(Collectors.toSet());
        assertSoftly(softly -> {
            for (String upstream : upstreams) {
                String variable = "PLURUM_GATEWAY_UPSTREAM_" + upstream.toUpperCase();
                App app = app(upstream + "-service");
                String url = environment.get(variable);
                softly.assertThat(url).as("%s: the gateway's %s", overlay, variable).isNotNull();
                if (url == null) {
                    continue;
                }
                // A path in the URL would prefix every request the gateway forwards.
                softly.assertThat(url).as("%s: %s is a bare http://host:port", overlay, variable)
                        .matches("http://[a-z0-9.-]+:\\d+");
                softly.assertThat(manifests.endpoint(url).map(KubernetesManifestsTest::describe))
                        .as("%s: %s=%s reaches %s on its port", overlay, variable, url, app.name())
                        .contains(app.name() + ":" + app.port());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRouteNoInternalPath(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        assertSoftly(softly -> {
            for (HTTPRoute route : manifests.all(HTTPRoute.class)) {
                softly.assertThat(Edge.paths(route)).as("%s: HTTPRoute %s paths", overlay,
                        route.getMetadata().getName()).noneMatch(KubernetesManifestsTest::namesInternal);
            }
            for (Ingress ingress : manifests.all(Ingress.class)) {
                softly.assertThat(Edge.paths(ingress)).as("%s: Ingress %s paths", overlay,
                        ingress.getMetadata().getName()).noneMatch(KubernetesManifestsTest::namesInternal);
            }
            // What an internal path may reach at all is the gateway, which refuses it (tested in the gateway).
            for (String path : INTERNAL_PATHS) {
                for (HTTPRoute route : manifests.all(HTTPRoute.class)) {
                    Edge.rule(route, "GET", path).ifPresent(rule -> rule.getBackendRefs().forEach(backend ->
                            softly.assertThat(manifests.endpoint(backend.getName(), new IntOrString(backend.getPort()))
                                            .map(endpoint -> endpoint.workload().name()))
                                    .as("%s: HTTPRoute %s sends %s only to the gateway", overlay,
                                            route.getMetadata().getName(), path)
                                    .contains(GATEWAY.name())));
                }
                for (Ingress ingress : manifests.all(Ingress.class)) {
                    Edge.backend(ingress, path).ifPresent(backend -> softly.assertThat(endpoint(manifests, backend)
                                    .map(endpoint -> endpoint.workload().name()))
                            .as("%s: Ingress %s sends %s only to the gateway", overlay, ingress.getMetadata().getName(),
                                    path)
                            .contains(GATEWAY.name()));
                }
            }
        });
    }

    private static boolean namesInternal(String path) {
        return Arrays.asList(path.split("/")).contains("internal");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldDeclareEveryTopicOfTheRegistryAsTheServicesCreateIt(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        Map<String, GenericKubernetesResource> topics = manifests.custom("kafka.strimzi.io", "KafkaTopic").stream()
                .collect(Collectors.toMap(KubernetesManifestsTest::topicName, topic -> topic));
        Set<String> clusters = manifests.custom("kafka.strimzi.io", "Kafka").stream()
                .map(kafka -> kafka.getMetadata().getName()).collect(Collectors.toSet());
        String partitions = agreedServiceSetting(manifests, "PLURUM_KAFKA_PARTITIONS");
        String replicas = agreedServiceSetting(manifests, "PLURUM_KAFKA_REPLICATION_FACTOR");
        Set<String> declared = new HashSet<>();
        assertSoftly(softly -> {
            for (Topic topic : Topics.ALL) {
                declared.add(topic.name());
                declared.add(topic.deadLetter());
                GenericKubernetesResource main = topics.get(topic.name());
                GenericKubernetesResource deadLetter = topics.get(topic.deadLetter());
                softly.assertThat(main).as("%s: a KafkaTopic for %s", overlay, topic.name()).isNotNull();
                softly.assertThat(deadLetter).as("%s: a KafkaTopic for %s", overlay, topic.deadLetter()).isNotNull();
                if (main == null || deadLetter == null) {
                    continue;
                }
                softly.assertThat(stringConfig(main)).as("%s: the config of %s (Topic.config())", overlay, topic.name())
                        .containsAllEntriesOf(topic.config());
                softly.assertThat(stringConfig(deadLetter).get("cleanup.policy"))
                        .as("%s: %s is not compacted", overlay, topic.deadLetter()).isEqualTo("delete");
                softly.assertThat(Long.parseLong(stringConfig(deadLetter).getOrDefault("max.message.bytes", "0")))
                        .as("%s: %s takes every message of its topic", overlay, topic.deadLetter())
                        .isGreaterThanOrEqualTo(Topic.MAX_MESSAGE_BYTES);
                for (GenericKubernetesResource kafkaTopic : List.of(main, deadLetter)) {
                    String what = overlay + ": " + topicName(kafkaTopic);
                    softly.assertThat(kafkaTopic.getMetadata().getLabels().get("strimzi.io/cluster"))
                            .as("%s: strimzi.io/cluster names a Kafka", what).isIn(clusters);
                    softly.assertThat(String.valueOf(kafkaTopic.<Object>get("spec", "partitions")))
                            .as("%s: partitions, as PLURUM_KAFKA_PARTITIONS", what).isEqualTo(partitions);
                    softly.assertThat(String.valueOf(kafkaTopic.<Object>get("spec", "replicas")))
                            .as("%s: replicas, as PLURUM_KAFKA_REPLICATION_FACTOR", what).isEqualTo(replicas);
                }
            }
            softly.assertThat(topics.keySet()).as("%s: KafkaTopics of the registry only", overlay)
                    .isSubsetOf(declared);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRunKafkaInKraftModeWithBrokersForEveryReplica(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        List<GenericKubernetesResource> kafkas = manifests.custom("kafka.strimzi.io", "Kafka");
        assertThat(kafkas).as("%s: one Kafka", overlay).hasSize(1);
        GenericKubernetesResource kafka = kafkas.getFirst();
        String cluster = kafka.getMetadata().getName();
        List<GenericKubernetesResource> pools = manifests.custom("kafka.strimzi.io", "KafkaNodePool").stream()
                .filter(pool -> cluster.equals(pool.getMetadata().getLabels().get("strimzi.io/cluster")))
                .toList();
        Set<Object> roles = pools.stream().flatMap(pool -> pool.<List<Object>>get("spec", "roles").stream())
                .collect(Collectors.toSet());
        int brokers = pools.stream().filter(pool -> pool.<List<Object>>get("spec", "roles").contains("broker"))
                .mapToInt(pool -> pool.<Integer>get("spec", "replicas")).sum();
        Optional<Integer> plainPort = kafka.<List<Map<String, Object>>>get("spec", "kafka", "listeners").stream()
                .filter(listener -> "internal".equals(listener.get("type"))
                        && Boolean.FALSE.equals(listener.get("tls")))
                .map(listener -> (Integer) listener.get("port"))
                .findFirst();
        Map<String, Object> config = kafka.get("spec", "kafka", "config");
        int minInSync = intSetting(config, "min.insync.replicas");
        assertSoftly(softly -> {
            softly.assertThat(roles).as("%s: KRaft node pools of %s", overlay, cluster)
                    .contains("controller", "broker");
            softly.assertThat(plainPort).as("%s: a plain internal listener", overlay).isPresent();
            for (App app : SERVICES) {
                manifests.workload(app.name()).flatMap(workload -> container(workload, app)).ifPresent(container ->
                        softly.assertThat(manifests.environment(container).values().get("PLURUM_KAFKA_BOOTSTRAP"))
                                .as("%s: %s finds Kafka's bootstrap Service", overlay, app.name())
                                .isEqualTo(cluster + "-kafka-bootstrap:" + plainPort.orElse(-1)));
            }
            for (String setting : List.of("default.replication.factor", "offsets.topic.replication.factor",
                    "transaction.state.log.replication.factor")) {
                softly.assertThat(intSetting(config, setting))
                        .as("%s: %s within %d brokers", overlay, setting, brokers).isLessThanOrEqualTo(brokers);
            }
            for (GenericKubernetesResource topic : manifests.custom("kafka.strimzi.io", "KafkaTopic")) {
                int replicas = topic.<Integer>get("spec", "replicas");
                softly.assertThat(replicas).as("%s: replicas of %s within %d brokers", overlay, topicName(topic),
                        brokers).isLessThanOrEqualTo(brokers);
                // Producers ask for acks=all: fewer replicas than min.insync.replicas would refuse every write.
                softly.assertThat(replicas).as("%s: replicas of %s reach min.insync.replicas", overlay,
                        topicName(topic)).isGreaterThanOrEqualTo(minInSync);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldGiveEveryServiceWithStateItsOwnDatabase(Overlay overlay) {
        Manifests manifests = overlay.manifests();
        Map<String, GenericKubernetesResource> clusters = manifests.custom("postgresql.cnpg.io", "Cluster").stream()
                .collect(Collectors.toMap(cluster -> cluster.getMetadata().getName(), cluster -> cluster));
        List<GenericKubernetesResource> databases = manifests.custom("postgresql.cnpg.io", "Database");
        assertSoftly(softly -> {
            for (App app : SERVICES) {
                if (app.database() == null) {
                    continue;
                }
                Optional<Environment> found = manifests.workload(app.name())
                        .flatMap(workload -> container(workload, app)).map(manifests::environment);
                if (found.isEmpty()) {
                    continue;
                }
                Environment environment = found.get();
                String what = overlay + ": " + app.name();
                String prefix = app.database().toUpperCase();
                String reactiveUrl = environment.values().getOrDefault(prefix + "_DB_REACTIVE_URL", "");
                Matcher url = DATABASE_URL.matcher(reactiveUrl);
                softly.assertThat(url.matches()).as("%s: %s_DB_REACTIVE_URL=%s names a CloudNativePG primary and a"
                        + " database", what, prefix, reactiveUrl).isTrue();
                if (!url.matches()) {
                    continue;
                }
                String clusterName = url.group(1);
                softly.assertThat(environment.values().get(prefix + "_DB_JDBC_URL"))
                        .as("%s: the JDBC URL names the same database", what).isEqualTo("jdbc:" + reactiveUrl);
                softly.assertThat(url.group(2)).as("%s: its own database", what).isEqualTo(app.database());
                GenericKubernetesResource cluster = clusters.get(clusterName);
                softly.assertThat(cluster).as("%s: Cluster %s", what, clusterName).isNotNull();
                if (cluster == null) {
                    continue;
                }
                String owner = cluster.get("spec", "bootstrap", "initdb", "owner");
                boolean created = app.database().equals(cluster.get("spec", "bootstrap", "initdb", "database"))
                        || databases.stream().anyMatch(database -> clusterName.equals(database.get("spec", "cluster",
                        "name")) && app.database().equals(database.get("spec", "name"))
                        && Objects.equals(owner, database.get("spec", "owner")));
                softly.assertThat(created).as("%s: database %s exists on %s, owned by %s (who migrates it)", what,
                        app.database(), clusterName, owner).isTrue();
                Map<String, SecretKeySelector> secrets = environment.secrets();
                for (var credential : Map.of("PLURUM_DB_USER", "username", "PLURUM_DB_PASSWORD", "password")
                        .entrySet()) {
                    SecretKeySelector selector = secrets.get(credential.getKey());
                    softly.assertThat(selector == null ? null : selector.getName() + "/" + selector.getKey())
                            .as("%s: %s from the owner's Secret", what, credential.getKey())
                            .isEqualTo(clusterName + "-app/" + credential.getValue());
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldKeepTheSearchIndexOnAVolumeOfItsOwn(Overlay overlay) {
        App search = app("search-service");
        Workload workload = overlay.manifests().workload(search.name()).orElseThrow();
        Container container = container(workload, search).orElseThrow();
        String indexDir = overlay.manifests().environment(container).values().get("PLURUM_SEARCH_INDEX_DIR");
        assertThat(indexDir).as("%s: PLURUM_SEARCH_INDEX_DIR", overlay).isNotNull();
        Optional<VolumeMount> mount = container.getVolumeMounts().stream()
                .filter(candidate -> indexDir.startsWith(candidate.getMountPath() + "/"))
                .findFirst();
        assertThat(mount).as("%s: %s lies on a mounted volume", overlay, indexDir).isPresent();
        Set<String> volumes = new HashSet<>();
        workload.claimTemplates().forEach(claim -> volumes.add(claim.getMetadata().getName()));
        workload.template().getSpec().getVolumes().stream()
                .filter(volume -> volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null)
                .map(Volume::getName)
                .forEach(volumes::add);
        assertThat(volumes).as("%s: the index volume is a claim or an emptyDir", overlay)
                .contains(mount.get().getName());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldRunOneVersionOfEveryImageFromOneRegistry(Overlay overlay) {
        List<String> images = APPS.stream()
                .map(app -> overlay.manifests().workload(app.name()).flatMap(workload -> container(workload, app))
                        .map(Container::getImage).orElseThrow())
                .toList();
        assertSoftly(softly -> {
            for (int i = 0; i < APPS.size(); i++) {
                softly.assertThat(repository(images.get(i))).as("%s: the image of %s", overlay, APPS.get(i).name())
                        .endsWith("/" + APPS.get(i).name());
            }
            softly.assertThat(images.stream().map(image -> registry(repository(image))).distinct())
                    .as("%s: one registry for all images %s", overlay, images).hasSize(1);
            softly.assertThat(images.stream().map(KubernetesManifestsTest::tag).distinct())
                    .as("%s: one pinned tag for all images %s", overlay, images)
                    .hasSize(1).doesNotContain("", "latest");
        });
    }

    @Test
    void shouldOfferTheEdgeThroughGatewayApiAndThroughAnIngress() {
        List<Overlay> overlays = overlays();
        assertThat(overlays).as("an overlay with an HTTPRoute and its Gateway")
                .anyMatch(overlay -> !overlay.manifests().all(HTTPRoute.class).isEmpty()
                        && !overlay.manifests().all(Gateway.class).isEmpty());
        assertThat(overlays).as("an overlay with an Ingress")
                .anyMatch(overlay -> !overlay.manifests().all(Ingress.class).isEmpty());
    }

    @Test
    void shouldBuildTheImagesFromTheDockerfilesAsComposeDoes() {
        Manifests base = Manifests.parse(Kustomize.render(K8S.resolve("base")));
        Map<String, Object> compose = Kustomize.readDocuments(COMPOSE.resolve("compose.yaml")).getFirst();
        assertSoftly(softly -> {
            for (App app : APPS) {
                Path dockerfile = REPOSITORY.resolve(app.name()).resolve("src/main/docker/Dockerfile.jvm");
                softly.assertThat(dockerfile).as("the Dockerfile of %s", app.name()).isRegularFile();
                if (Files.isRegularFile(dockerfile)) {
                    List<String> lines = readLines(dockerfile);
                    softly.assertThat(lines).as("%s: its port", dockerfile).contains("EXPOSE " + app.port());
                    softly.assertThat(lines).as("%s: a non-root user", dockerfile)
                            .anyMatch(line -> line.matches("USER [1-9]\\d*"));
                }
                String image = base.workload(app.name()).flatMap(workload -> container(workload, app))
                        .map(Container::getImage).orElse("");
                softly.assertThat(Yaml.at(compose, "services", app.name(), "image"))
                        .as("compose builds %s as the base runs it", app.name()).isEqualTo(image);
                softly.assertThat(Yaml.at(compose, "services", app.name(), "build", "context"))
                        .as("compose builds %s from its module", app.name()).isEqualTo("../../" + app.name());
                softly.assertThat(Yaml.at(compose, "services", app.name(), "build", "dockerfile"))
                        .as("compose builds %s with its Dockerfile", app.name())
                        .isEqualTo("src/main/docker/Dockerfile.jvm");
                softly.assertThat(String.valueOf(Yaml.at(compose, "services", app.name(), "healthcheck", "test")))
                        .as("compose checks the readiness of %s", app.name())
                        .contains(":" + app.port() + "/q/health/ready");
            }
        });
    }

    private static boolean selects(Map<String, String> selector, Workload workload) {
        return workload.labels().entrySet().containsAll(selector.entrySet());
    }

    /** Where an endpoint leads, as {@code workload:port}. */
    private static String describe(Endpoint endpoint) {
        return endpoint.workload().name() + ":" + endpoint.port();
    }

    private static Optional<Container> container(Workload workload, App app) {
        return workload.containers().stream().filter(container -> container.getName().equals(app.name()))
                .findFirst();
    }

    private static App app(String name) {
        return APPS.stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow();
    }

    private static Optional<Environment> gatewayEnvironment(Manifests manifests) {
        return manifests.workload(GATEWAY.name()).flatMap(workload -> container(workload, GATEWAY))
                .map(manifests::environment);
    }

    private static Optional<Endpoint> endpoint(Manifests manifests, IngressBackend backend) {
        var port = backend.getService().getPort();
        return manifests.endpoint(backend.getService().getName(),
                port.getNumber() != null ? new IntOrString(port.getNumber()) : new IntOrString(port.getName()));
    }

    /** The value every service sees for a setting, which they must agree on; null when one lacks it. */
    private static String agreedServiceSetting(Manifests manifests, String variable) {
        Set<String> values = new HashSet<>();
        for (App app : SERVICES) {
            values.add(manifests.workload(app.name()).flatMap(workload -> container(workload, app))
                    .map(container -> manifests.environment(container).values().get(variable)).orElse(null));
        }
        assertThat(values).as("%s, as every service sees it", variable).hasSize(1).doesNotContainNull();
        return values.iterator().next();
    }

    /** A broker setting, whose default is 1 for every one checked here. */
    private static int intSetting(Map<String, Object> config, String setting) {
        return Integer.parseInt(String.valueOf(config.getOrDefault(setting, 1)));
    }

    private static String topicName(GenericKubernetesResource topic) {
        String topicName = topic.get("spec", "topicName");
        return topicName != null ? topicName : topic.getMetadata().getName();
    }

    private static Map<String, String> stringConfig(GenericKubernetesResource topic) {
        Map<String, Object> config = topic.get("spec", "config");
        return config.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> String.valueOf(entry.getValue())));
    }

    private static String repository(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    private static String registry(String repository) {
        return repository.substring(0, Math.max(0, repository.lastIndexOf('/')));
    }

    private static String tag(String image) {
        String repository = repository(image);
        return repository.length() < image.length() ? image.substring(repository.length() + 1) : "";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
