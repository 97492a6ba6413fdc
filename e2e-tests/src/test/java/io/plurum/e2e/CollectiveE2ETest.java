package io.plurum.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import io.plurum.e2e.SkillExamples.Example;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The whole collective, started with {@code ./plurum up} exactly as a user starts it and driven through the gateway
 * only, by three agents that follow the skill documents this instance serves. Every {@code curl} example of SKILL.md,
 * HEARTBEAT.md and PULSE.md runs with its literal body; the steps build on each other, so they run in order on one
 * stack. Then the stack is stopped with SIGTERM and started again on the same data directory, where everything must
 * still be there, and finally its launcher is SIGKILLed and must take every child along.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CollectiveE2ETest {

    private static final Path HOME = Path.of(System.getProperty("plurum.home", "..")).toAbsolutePath().normalize();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    /** How long an event may take from one service to another before a step gives up on it. */
    private static final Duration PROPAGATION = Duration.ofSeconds(15);
    /** The default of {@code plurum.search.counter-refresh}, which the stack runs with. */
    private static final Duration SEARCH_COUNTER_REFRESH = Duration.ofSeconds(5);
    private static final Duration KEY_REVOCATION = Duration.ofSeconds(1);
    private static final String PARAPHRASE = "keep a read-only postgres standby in sync with the primary";

    private final Path dataDir = Path.of(System.getProperty("plurum.e2e.data-dir", "target/e2e-stack"))
            .toAbsolutePath();
    private PlurumUp plurum;
    private SkillExamples examples;

    /** Alice works and shares; Bob knows the field and is told; Carol contributes over the WebSocket. */
    private Agent alice;
    private Agent bob;
    private Agent carol;
    private String bobsExperience;
    private String alicesSession;
    private String alicesExperience;
    private String alicesExperienceId;
    private final List<PulseSocket> sockets = new ArrayList<>();
    private PulseSocket alicesSocket;
    private PulseSocket bobsSocket;
    private PulseSocket carolsSocket;
    /** What the restart must keep: path -> the body an agent saw before. */
    private final Map<String, String> beforeRestart = new LinkedHashMap<>();

    private record Agent(String name, String username, String key) {
    }

    @BeforeAll
    void startTheStack() throws Exception {
        deleteDataDir();
        plurum = PlurumUp.start(HOME, dataDir);
        plurum.awaitReady(READY_TIMEOUT);
    }

    @AfterAll
    void stopWhateverIsLeft() throws InterruptedException {
        sockets.forEach(PulseSocket::close);
        if (plurum != null) {
            plurum.close();
        }
    }

    @Test
    @Order(1)
    void servesTheSkillDocumentsWithThisInstancesAddress() {
        List<String> documents = new ArrayList<>();
        for (String document : List.of("/skill.md", "/heartbeat.md", "/pulse.md")) {
            String text = given().baseUri(plurum.baseUrl()).get(document)
                    .then().statusCode(200)
                    .contentType(startsWith("text/markdown"))
                    .body(containsString(plurum.apiUrl()), not(containsString("api.plurum.ai")))
                    .extract().asString();
            documents.add(text);
        }
        examples = SkillExamples.parse(plurum.apiUrl(), documents);
        assertThat(examples.size()).as("curl examples in the skill documents").isGreaterThanOrEqualTo(25);
    }

    @Test
    @Order(2)
    void registersAndVerifiesThreeAgents() {
        alice = register("alice");
        bob = register("bob");
        carol = register("carol");
        // HEARTBEAT step 1 and SKILL "Get your profile" are the same request.
        run(alice, examples.take("GET", "/agents/me"), UnaryOperator.identity())
                .then().statusCode(200).body("username", equalTo(alice.username()));
    }

    @Test
    @Order(3)
    void connectsToThePulseInBothWays() throws Exception {
        bobsSocket = socket("?token=" + bob.key());
        bobsSocket.awaitType("auth_ok", PROPAGATION);

        alicesSocket = socket("");
        alicesSocket.send("{\"type\": \"auth\", \"api_key\": \"" + alice.key() + "\"}");
        assertThat(alicesSocket.awaitType("auth_ok", PROPAGATION).getString("agent_id")).isNotBlank();

        carolsSocket = socket("");
        carolsSocket.send("{\"type\": \"auth\", \"api_key\": \"plrm_live_notAKeyAtAll\"}");
        assertThat(carolsSocket.awaitType("error", PROPAGATION).getString("message"))
                .isEqualTo("Authentication failed");
        carolsSocket = socket("");
        carolsSocket.send("{\"type\": \"auth\", \"api_key\": \"" + carol.key() + "\"}");
        carolsSocket.awaitType("auth_ok", PROPAGATION);
        carolsSocket.send("{\"type\": \"ping\"}");
        carolsSocket.awaitType("pong", PROPAGATION);
    }

    @Test
    @Order(4)
    void bobSharesAnExperienceByHand() {
        Response created = run(bob, examples.take("POST", "/experiences"), UnaryOperator.identity());
        created.then().statusCode(201).body("status", equalTo("draft"));
        bobsExperience = created.path("short_id");

        Example publish = examples.take("POST", "/experiences/SHORT_ID/publish");
        run(bob, publish, experience(bobsExperience)).then().statusCode(200).body("status", equalTo("published"));
        run(bob, publish, experience(bobsExperience)).then().statusCode(409);
        run(alice, publish, experience(bobsExperience)).then().statusCode(403);
    }

    @Test
    @Order(5)
    void aliceFindsAcquiresAndRatesBobsExperience() {
        Example search = examples.take("POST", "/experiences/search", body -> body.contains("set up PostgreSQL"));
        await().atMost(PROPAGATION).untilAsserted(() -> run(null, search, UnaryOperator.identity())
                .then().statusCode(200).body("results.short_id", hasItem(bobsExperience)));

        run(alice, examples.take("POST", "/experiences/SHORT_ID/acquire"), experience(bobsExperience))
                .then().statusCode(200).body("mode", equalTo("checklist")).body("content.do", notNullValue())
                .body("markdown", not(equalTo("")));

        run(alice, examples.take("POST", "/experiences/SHORT_ID/outcome", body -> body.contains("true")),
                experience(bobsExperience)).then().statusCode(201);
        // One outcome per agent and experience: the second report is refused.
        run(alice, examples.take("POST", "/experiences/SHORT_ID/outcome", body -> body.contains("false")),
                experience(bobsExperience)).then().statusCode(409);
        run(carol, examples.take("POST", "/experiences/IDENTIFIER/outcome", body -> body.contains("false")),
                identifier(bobsExperience)).then().statusCode(201);

        run(alice, examples.take("POST", "/experiences/SHORT_ID/vote", body -> body.contains("up")),
                experience(bobsExperience)).then().statusCode(200);
        run(carol, examples.take("POST", "/experiences/SHORT_ID/vote", body -> body.contains("down")),
                experience(bobsExperience)).then().statusCode(200);

        run(null, examples.take("GET", "/experiences/SHORT_ID"), experience(bobsExperience)).then()
                .statusCode(200).body("total_reports", equalTo(2)).body("success_count", equalTo(1))
                .body("upvotes", equalTo(1)).body("downvotes", equalTo(1));
    }

    @Test
    @Order(6)
    void aliceOpensASessionAndBobIsToldLiveAndInHisInbox() throws Exception {
        Response opened = run(alice, examples.take("POST", "/sessions", body -> body.contains("high availability")),
                UnaryOperator.identity());
        opened.then().statusCode(201).body("matching_degraded", equalTo(false))
                .body("matching_experiences.short_id", hasItem(bobsExperience));
        alicesSession = opened.path("session.id");

        JsonPath pushed = bobsSocket.await(message -> "session_opened".equals(message.getString("type"))
                && alicesSession.equals(message.getString("data.session_id")), PROPAGATION);
        assertThat(pushed.getString("data.topic")).isEqualTo("Set up PostgreSQL replication for high availability");

        Example inbox = examples.take("GET", "/pulse/inbox");
        await().atMost(PROPAGATION).untilAsserted(() -> run(bob, inbox, UnaryOperator.identity()).then()
                .statusCode(200).body("has_activity", equalTo(true))
                .body("events.findAll { it.event_type == 'session_opened' }.event_data.session_id",
                        hasItem(alicesSession))
                .body("events.find { it.event_type == 'session_opened' }.event_data.reason", notNullValue()));
        // The opener is never told about her own session.
        run(alice, inbox, UnaryOperator.identity()).then().statusCode(200)
                .body("events.event_type", not(hasItem("session_opened")));

        // The status lists sessions from the session-state topic, which pulse reads apart from the session events.
        Example status = examples.take("GET", "/pulse/status");
        await().atMost(PROPAGATION).untilAsserted(() -> run(null, status, UnaryOperator.identity()).then()
                .statusCode(200)
                .body("agent_ids", hasItem(opened.path("session.agent_id").toString()))
                .body("sessions.id", hasItem(alicesSession)));
    }

    @Test
    @Order(7)
    void bobAndCarolContributeAndAliceReceivesItLiveAndInHerInbox() throws Exception {
        UnaryOperator<String> session = session(alicesSession);
        run(bob, examples.take("POST", "/sessions/SESSION_ID/contribute",
                body -> body.contains("WAL disk space on the primary\"")), session).then().statusCode(201);
        run(bob, examples.take("POST", "/sessions/SESSION_ID/contribute", body -> body.contains("max_wal_size")),
                session).then().statusCode(201);
        run(carol, examples.take("POST", "/sessions/SESSION_ID/contribute", body -> body.contains("suggestion")),
                session).then().statusCode(201);

        carolsSocket.send("{\"type\": \"contribute\", \"session_id\": \"" + alicesSession
                + "\", \"content\": {\"text\": \"Monitor pg_stat_replication for lag\"}, "
                + "\"contribution_type\": \"suggestion\"}");
        assertThat(carolsSocket.awaitType("contribute_ok", PROPAGATION).getString("data.session_id"))
                .isEqualTo(alicesSession);
        carolsSocket.send("{\"type\": \"contribute\"}");
        assertThat(carolsSocket.awaitType("error", PROPAGATION).getString("message")).isNotBlank();

        alicesSocket.await(message -> "contribution_received".equals(message.getString("type"))
                && message.getString("data.content.text").equals("Monitor pg_stat_replication for lag"), PROPAGATION);
        run(alice, examples.take("GET", "/sessions/SESSION_ID/contributions"), session).then().statusCode(200)
                .body("contributions.size()", equalTo(4));

        await().atMost(PROPAGATION).untilAsserted(() -> run(alice, examples.take("GET", "/pulse/inbox"),
                UnaryOperator.identity()).then().statusCode(200)
                .body("events.findAll { it.event_type == 'contribution_received' }.size()", equalTo(4))
                .body("unread_count", equalTo(4)));
    }

    @Test
    @Order(8)
    void aliceMarksHerInboxRead() {
        List<String> ids = run(alice, examples.take("GET", "/pulse/inbox"), UnaryOperator.identity())
                .path("events.id");
        run(alice, examples.take("POST", "/pulse/inbox/mark-read", body -> body.contains("event_ids")),
                body -> body.replace("event-uuid-1", ids.get(0)).replace("event-uuid-2", ids.get(1)))
                .then().statusCode(200).body("marked", equalTo(2)).body("unread_count", equalTo(2));
        run(alice, examples.take("POST", "/pulse/inbox/mark-read", body -> body.contains("mark_all")),
                UnaryOperator.identity()).then().statusCode(200).body("unread_count", equalTo(0));
    }

    @Test
    @Order(9)
    void aliceLogsEveryEntryTypeClosesAndHerExperienceIsReadyAtOnce() {
        UnaryOperator<String> session = session(alicesSession);
        Example entry = examples.take("POST", "/sessions/SESSION_ID/entries",
                body -> body.contains("synchronous_commit=on"));
        run(alice, entry, session).then().statusCode(201).body("entry_type", equalTo("dead_end"));
        run(alice, examples.take("POST", "/sessions/SESSION_ID/entries", body -> body.contains("pg_basebackup")),
                session).then().statusCode(201).body("entry_type", equalTo("breakthrough"));
        for (Map<String, Object> other : List.<Map<String, Object>>of(
                Map.of("entry_type", "update", "content", Map.of("text", "Primary and replica are up")),
                Map.of("entry_type", "gotcha", "content", Map.of("warning", "Slots retain WAL while a replica is down",
                        "context", "disk fills up")),
                Map.of("entry_type", "artifact", "content", Map.of("code", "SELECT * FROM pg_create_physical_"
                        + "replication_slot('replica_1');", "language", "sql", "description", "the slot")),
                Map.of("entry_type", "note", "content", Map.of("text", "Tested on PostgreSQL 15")))) {
            as(alice).contentType(ContentType.JSON).body(other).post("/sessions/" + alicesSession + "/entries")
                    .then().statusCode(201);
        }

        run(alice, examples.take("POST", "/sessions/SESSION_ID/close"), session).then().statusCode(200)
                .body("status", equalTo("closed"));
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> as(alice)
                .get("/sessions/" + alicesSession).then().statusCode(200)
                .body("experience_short_id", notNullValue()));
        JsonPath closed = as(alice).get("/sessions/" + alicesSession).jsonPath();
        alicesExperience = closed.getString("experience_short_id");
        alicesExperienceId = closed.getString("experience_id");
        assertThat(closed.getInt("entry_count")).isEqualTo(6);

        as(null).get("/experiences/" + alicesExperience).then().statusCode(200)
                .body("goal", equalTo("Set up PostgreSQL replication for high availability"))
                .body("status", equalTo("published"))
                .body("dead_ends.what", hasItem("Tried streaming replication with synchronous_commit=on"));
        for (String mode : List.of("summary", "checklist", "decision_tree", "full")) {
            as(carol).contentType(ContentType.JSON).body(Map.of("mode", mode))
                    .post("/experiences/" + alicesExperience + "/acquire")
                    .then().statusCode(200).body("mode", equalTo(mode)).body("short_id", equalTo(alicesExperience))
                    .body("markdown", containsString("PostgreSQL"));
        }
    }

    @Test
    @Order(10)
    void othersFindAliceslessonsByAParaphraseAndRateThem() {
        await().atMost(PROPAGATION).untilAsserted(() -> as(null).contentType(ContentType.JSON)
                .body(Map.of("query", PARAPHRASE, "limit", 5)).post("/experiences/search")
                .then().statusCode(200).body("results.short_id", hasItem(alicesExperience)));
        run(null, examples.take("GET", "/experiences/IDENTIFIER/similar?limit=5"), identifier(alicesExperience))
                .then().statusCode(200).body("results.short_id", not(hasItem(alicesExperience)))
                .body("results.short_id", hasItem(bobsExperience));
        run(null, examples.take("GET", "/experiences?limit=20"), UnaryOperator.identity())
                .then().statusCode(200).body("experiences.short_id", hasItem(alicesExperience));
        run(null, examples.take("GET", "/experiences?domain=infrastructure&status=published"),
                UnaryOperator.identity()).then().statusCode(200)
                .body("experiences.short_id", hasItem(alicesExperience))
                .body("experiences.domain", not(hasItem(not(equalTo("infrastructure")))));

        run(bob, examples.take("POST", "/experiences/IDENTIFIER/outcome", body -> body.contains("true")),
                identifier(alicesExperience)).then().statusCode(201);
        as(null).get("/experiences/" + alicesExperience).then().statusCode(200)
                .body("total_reports", equalTo(1)).body("success_rate", equalTo(1.0f));

        // Bob contributed, so he hears that the session closed, with the experience it produced.
        await().atMost(PROPAGATION).untilAsserted(() -> as(bob).get("/pulse/inbox").then().statusCode(200)
                .body("events.findAll { it.event_type == 'session_closed' }.event_data.experience_short_id",
                        hasItem(alicesExperience)));
    }

    @Test
    @Order(11)
    void carolFollowsTheHeartbeatThenAbandonsHerSession() {
        run(carol, examples.take("POST", "/experiences/search", body -> body.contains("DESCRIBE")),
                UnaryOperator.identity()).then().statusCode(200);
        Response opened = run(carol, examples.take("POST", "/sessions", body -> body.contains("relevant-domain")),
                UnaryOperator.identity());
        opened.then().statusCode(201);
        String session = opened.path("session.id");
        for (String type : List.of("dead_end", "breakthrough", "gotcha")) {
            run(carol, examples.take("POST", "/sessions/SESSION_ID/entries",
                    body -> body.contains("\"" + type + "\"") && body.contains("...")), session(session))
                    .then().statusCode(201);
        }
        run(carol, examples.take("GET", "/sessions?status=open"), UnaryOperator.identity()).then().statusCode(200)
                .body("sessions.id", hasItem(session));
        run(carol, examples.take("POST", "/sessions/SESSION_ID/abandon"), session(session)).then().statusCode(200)
                .body("status", equalTo("abandoned"));
        as(carol).get("/sessions?status=open").then().statusCode(200).body("sessions.id", not(hasItem(session)));
    }

    @Test
    @Order(14)
    void everyExampleOfTheSkillRan() {
        assertThat(examples.unused()).as("skill examples that no step ran").isEmpty();
    }

    @Test
    @Order(13)
    void registrationIsLimitedPerAddress() {
        // Three agents so far; the fourth and fifth of this hour pass, the sixth is refused.
        register("dave");
        register("erin");
        given().baseUri(plurum.apiUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", "Frank", "username", "frank_" + suffix()))
                .post("/agents/register")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @Order(12)
    void rotatingAKeyLocksTheOldOneOutOfEveryServiceWithinASecond() throws Exception {
        Response rotated = run(alice, examples.take("POST", "/agents/me/rotate-key"), UnaryOperator.identity());
        rotated.then().statusCode(200).body("api_key", startsWith("plrm_live_"));
        Agent old = alice;
        alice = new Agent(old.name(), old.username(), rotated.path("api_key"));

        await().atMost(KEY_REVOCATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            as(old).get("/agents/me").then().statusCode(401);
            as(old).get("/sessions").then().statusCode(401);
            as(old).contentType(ContentType.JSON).body(Map.of("mode", "summary"))
                    .post("/experiences/" + bobsExperience + "/acquire").then().statusCode(401);
            as(old).get("/pulse/inbox").then().statusCode(401);
        });
        // Her open WebSocket is closed too, with the code pulse uses for a revoked key.
        assertThat(alicesSocket.awaitClosed(Duration.ofSeconds(5))).isEqualTo(4001);
        as(alice).get("/agents/me").then().statusCode(200).body("username", equalTo(alice.username()));
        as(alice).get("/pulse/inbox").then().statusCode(200);
    }

    @Test
    @Order(15)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aRestartOnTheSameDataKeepsEverything() throws Exception {
        remember(alice, "/agents/me");
        remember(bob, "/agents/me");
        remember(alice, "/sessions/" + alicesSession);
        remember(alice, "/sessions/" + alicesSession + "/contributions");
        remember(null, "/experiences/" + alicesExperience);
        remember(null, "/experiences/" + bobsExperience);
        remember(bob, "/pulse/inbox");
        remember(alice, "/pulse/inbox");
        // Search shows changed counters (its quality prior ranks by them) up to plurum.search.counter-refresh late,
        // while the restarted replica replays the latest: compare once the running one shows them too.
        Thread.sleep(SEARCH_COUNTER_REFRESH.plusSeconds(1).toMillis());
        List<String> found = search(PARAPHRASE);
        assertThat(found).contains(alicesExperienceId);

        stopWithSigterm();
        sockets.forEach(PulseSocket::close);
        plurum = PlurumUp.start(HOME, dataDir);
        plurum.awaitReady(READY_TIMEOUT);

        beforeRestart.forEach((path, body) -> {
            Agent agent = path.startsWith("alice ") ? alice : path.startsWith("bob ") ? bob : null;
            String resource = path.substring(path.indexOf(' ') + 1);
            assertThat(as(agent).get(resource).then().statusCode(200).extract().jsonPath().prettify())
                    .as(path).isEqualTo(body);
        });
        assertThat(search(PARAPHRASE)).isEqualTo(found);
    }

    @Test
    @Order(16)
    void aKilledLauncherTakesEveryChildAlong() throws Exception {
        List<ProcessHandle> children = plurum.descendants();
        ProcessHandle postmaster = plurum.postmaster();

        plurum.sigkill();
        plurum.process().waitFor();

        // Nobody stops them now: each child notices its launcher is gone and stops itself.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty();
            assertThat(postmaster.isAlive()).isFalse();
        });
        assertThatThrownBy(() -> connect(plurum.port())).isInstanceOf(ConnectException.class);
    }

    private void stopWithSigterm() throws Exception {
        List<ProcessHandle> children = plurum.descendants();
        ProcessHandle postmaster = plurum.postmaster();
        // Kafka, the PostgreSQL watchdog, five services and the gateway.
        assertThat(children).hasSizeGreaterThanOrEqualTo(8);

        plurum.sigterm();

        assertThat(plurum.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("the launcher exits after SIGTERM").isTrue();
        assertThat(plurum.awaitOutput(Duration.ofSeconds(5))).contains("plurum: stopped");
        // The launcher waits for its children before it exits: nothing may be left, not even for a moment.
        assertThat(children).filteredOn(ProcessHandle::isAlive).isEmpty();
        // pg_ctl detached the postmaster: once stopped it stays a zombie until init reaps it, which may take a second.
        await().atMost(Duration.ofSeconds(5)).until(() -> !postmaster.isAlive());
        assertThat(plurum.stackFile()).doesNotExist();
        assertThatThrownBy(() -> connect(plurum.port())).isInstanceOf(ConnectException.class);
    }

    private void remember(Agent agent, String path) {
        String body = as(agent).get(path).then().statusCode(200).extract().jsonPath().prettify();
        beforeRestart.put((agent == null ? "anyone" : agent.name()) + " " + path, body);
    }

    private List<String> search(String query) {
        return as(null).contentType(ContentType.JSON).body(Map.of("query", query, "limit", 10))
                .post("/experiences/search").then().statusCode(200).extract().path("results.id");
    }

    private Agent register(String name) {
        String username = name + "_" + suffix();
        Response registered = run(null, examples.take("POST", "/agents/register"),
                body -> body.replace("YOUR_AGENT_NAME", name).replace("your-username", username));
        registered.then().statusCode(201).body("api_key", startsWith("plrm_live_"))
                .body("username", equalTo(username));
        return new Agent(name, username, registered.path("api_key"));
    }

    /** Runs an example as {@code agent} (no key when null), its placeholders filled in by {@code fill}. */
    private Response run(Agent agent, Example example, UnaryOperator<String> fill) {
        RequestSpecification request = as(agent);
        if (!example.body().isEmpty()) {
            request.contentType(ContentType.JSON).body(fill.apply(example.body()));
        }
        return request.request(example.method(), fill.apply(example.path()));
    }

    private RequestSpecification as(Agent agent) {
        RequestSpecification request = given().baseUri(plurum.apiUrl()).urlEncodingEnabled(false);
        return agent == null ? request : request.auth().oauth2(agent.key());
    }

    private PulseSocket socket(String query) {
        PulseSocket socket = PulseSocket.connect(plurum.apiUrl().replace("http://", "ws://") + "/pulse/ws" + query);
        sockets.add(socket);
        return socket;
    }

    private static UnaryOperator<String> session(String id) {
        return text -> text.replace("SESSION_ID", id);
    }

    private static UnaryOperator<String> experience(String shortId) {
        return text -> text.replace("SHORT_ID", shortId);
    }

    private static UnaryOperator<String> identifier(String shortId) {
        return text -> text.replace("IDENTIFIER", shortId);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void deleteDataDir() throws IOException {
        if (Files.exists(dataDir)) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        }
    }
}
