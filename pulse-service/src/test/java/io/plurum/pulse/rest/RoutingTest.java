package io.plurum.pulse.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.Topics;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.plurum.pulse.support.Db;
import io.plurum.pulse.support.FakeSessions;
import io.plurum.pulse.support.Inboxes;
import io.plurum.pulse.support.Kafka;
import io.plurum.pulse.support.Sessions;
import io.plurum.pulse.support.Sessions.Session;
import io.plurum.pulse.support.TestAgents;
import io.plurum.pulse.support.TestAgents.Agent;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Who hears of what, read back from the inboxes that the shared consumer materialises from real Kafka events. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeSessions.class, scope = TestResourceScope.GLOBAL)
class RoutingTest {

    @Test
    void shouldTellAgentsWhoWorkedOnTheSameThingsAndSayWhy() {
        String tool = Sessions.unique("pgtool");
        String domain = Sessions.unique("databases");
        Agent alice = TestAgents.create();
        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(alice, "Vacuum tuning", domain, tool)).eventId());
        Agent bob = TestAgents.create();
        Session opened = Sessions.publicSession(bob, "Streaming replication lag", domain, tool, "docker");

        Db.awaitProcessed(Sessions.opened(opened).eventId());

        List<JsonNode> events = Inboxes.awaitEvents(alice, 1);
        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.get("event_type").asText()).isEqualTo("session_opened");
        assertThat(event.get("is_read").asBoolean()).isFalse();
        assertThat(event.get("id").asText()).hasSize(36);
        assertThat(event.get("created_at").asText()).endsWith("Z");
        JsonNode data = event.get("event_data");
        assertThat(data.get("session_id").asText()).isEqualTo(opened.id().toString());
        assertThat(data.get("short_id").asText()).isEqualTo(opened.shortId());
        assertThat(data.get("agent_id").asText()).isEqualTo(bob.id().toString());
        assertThat(data.get("username").asText()).isEqualTo(bob.username());
        assertThat(data.get("topic").asText()).isEqualTo("Streaming replication lag");
        assertThat(data.get("domain").asText()).isEqualTo(domain);
        assertThat(data.get("tools_used")).extracting(JsonNode::asText).containsExactly(tool, "docker");
        assertThat(data.get("reason").asText()).isEqualTo("you worked on " + tool + " in " + domain);
        assertThat(Inboxes.all(bob)).isEmpty();
    }

    @Test
    void shouldMatchAToolNamedInATopic() {
        String word = Sessions.unique("kafkaesque");
        Agent alice = TestAgents.create();
        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(alice, "Tuning " + word + " consumers", null))
                .eventId());
        Agent bob = TestAgents.create();

        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(bob, "Partition planning", null, word)).eventId());

        assertThat(Inboxes.awaitEvents(alice, 1).getFirst().at("/event_data/reason").asText())
                .isEqualTo("you worked on " + word);
    }

    @Test
    void shouldTellTheOwnerOfContributionsAndContributorsOfTheClose() {
        Agent owner = TestAgents.create();
        Agent helper = TestAgents.create();
        Session session = Sessions.publicSession(owner, "Deploy " + Sessions.unique("svc") + " to ECS",
                Sessions.unique("deployment"), Sessions.unique("ecscli"));
        Db.awaitProcessed(Sessions.opened(session).eventId());

        EventEnvelope contributed = Sessions.contributed(session, helper, "Multi-stage builds cut image size",
                "suggestion");
        Db.awaitProcessed(contributed.eventId());

        JsonNode received = Inboxes.awaitEvents(owner, 1).getFirst();
        assertThat(received.get("event_type").asText()).isEqualTo("contribution_received");
        JsonNode data = received.get("event_data");
        assertThat(data.get("id").asText()).isEqualTo(contributed.data().get("id").asText());
        assertThat(data.get("session_id").asText()).isEqualTo(session.id().toString());
        assertThat(data.get("contributor_agent_id").asText()).isEqualTo(helper.id().toString());
        assertThat(data.get("contributor_username").asText()).isEqualTo(helper.username());
        assertThat(data.at("/content/text").asText()).isEqualTo("Multi-stage builds cut image size");
        assertThat(data.get("contribution_type").asText()).isEqualTo("suggestion");
        assertThat(data.get("created_at").asText()).endsWith("Z");
        assertThat(data.get("reason").asText()).isEqualTo("an agent contributed to your session");
        assertThat(Inboxes.all(helper)).isEmpty();

        Db.awaitProcessed(Sessions.closed(session, "success").eventId());

        JsonNode closed = Inboxes.awaitEvents(helper, 1).getFirst();
        assertThat(closed.get("event_type").asText()).isEqualTo("session_closed");
        assertThat(closed.at("/event_data/outcome").asText()).isEqualTo("success");
        assertThat(closed.at("/event_data/reason").asText()).isEqualTo("you contributed to this session");
        assertThat(closed.get("event_data").has("experience_id")).isFalse();
        assertThat(Inboxes.all(owner)).hasSize(1);

        UUID experienceId = UUID.randomUUID();
        Sessions.experience(session, experienceId, "Xy7wMn2q");
        Db.awaitCount(1, "select count(*) from inbox_event where session_id = $1 and event_data like '%Xy7wMn2q%'",
                session.id());
        JsonNode enriched = Inboxes.all(helper).getFirst().get("event_data");
        assertThat(enriched.get("experience_id").asText()).isEqualTo(experienceId.toString());
        assertThat(enriched.get("experience_short_id").asText()).isEqualTo("Xy7wMn2q");
    }

    @Test
    void shouldNotTellTheOwnerOfItsOwnContribution() {
        Agent owner = TestAgents.create();
        Session session = Sessions.publicSession(owner, "Notes to self", null);
        Db.awaitProcessed(Sessions.opened(session).eventId());

        Db.awaitProcessed(Sessions.contributed(session, owner, "Remember the WAL", "warning").eventId());

        assertThat(Inboxes.all(owner)).isEmpty();
    }

    @Test
    void shouldKeepPrivateSessionsFromEveryoneButTheirOwner() {
        String tool = Sessions.unique("secrettool");
        Agent watcher = TestAgents.create();
        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(watcher, "Public work", null, tool)).eventId());
        Agent owner = TestAgents.create();
        Session hidden = Sessions.privateSession(owner, "Private " + tool + " migration", null, tool);

        Db.awaitProcessed(Sessions.opened(hidden).eventId());
        Db.awaitProcessed(Sessions.contributed(hidden, owner, "note", "suggestion").eventId());
        Db.awaitProcessed(Sessions.closed(hidden, "partial").eventId());

        assertThat(Inboxes.all(watcher)).isEmpty();
        assertThat(Inboxes.all(owner)).isEmpty();
        assertThat(Db.count("select count(*) from interest where agent_id = $1", owner.id())).isZero();
        assertThat(Db.count("select count(*) from inbox_event where session_id = $1", hidden.id())).isZero();
    }

    @Test
    void shouldStoreARedeliveredEventOnce() {
        String tool = Sessions.unique("dupetool");
        Agent alice = TestAgents.create();
        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(alice, "First", null, tool)).eventId());
        Agent bob = TestAgents.create();
        Session session = Sessions.publicSession(bob, "Second", null, tool);
        EventEnvelope opened = Sessions.opened(session);

        Kafka.publish(opened);
        // Same key, same partition: once the later event is applied, both copies of the first have been seen.
        Db.awaitProcessed(Sessions.updated(session).eventId());

        assertThat(Db.count("select count(*) from inbox_event where event_id = $1", opened.eventId())).isOne();
        assertThat(Inboxes.all(alice)).hasSize(1);
    }

    @Test
    void shouldReachOnlyTheBestMatchesUpToTheLimit() {
        String tool = Sessions.unique("boundtool");
        String domain = Sessions.unique("bounddomain");
        List<Agent> strong = List.of(TestAgents.create(), TestAgents.create(), TestAgents.create(),
                TestAgents.create(), TestAgents.create());
        for (Agent agent : strong) {
            Db.awaitProcessed(Sessions.opened(Sessions.publicSession(agent, "Earlier", domain, tool)).eventId());
        }
        Agent weak = TestAgents.create();
        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(weak, "Other", domain)).eventId());
        Agent opener = TestAgents.create();
        EventEnvelope opened = Sessions.opened(Sessions.publicSession(opener, "Now", domain, tool));

        Db.awaitProcessed(opened.eventId());

        assertThat(Db.count("select count(*) from inbox_event where event_id = $1", opened.eventId())).isEqualTo(5);
        String sessionId = opened.aggregateId();
        strong.forEach(agent -> assertThat(Inboxes.all(agent))
                .anySatisfy(event -> assertThat(event.at("/event_data/session_id").asText()).isEqualTo(sessionId)));
        assertThat(Inboxes.all(weak))
                .noneSatisfy(event -> assertThat(event.at("/event_data/session_id").asText()).isEqualTo(sessionId));
    }

    @Test
    void shouldDeadLetterAnUnreadableEventAndCarryOn() {
        String key = UUID.randomUUID().toString();
        Kafka.send(Topics.SESSIONS, key, "{not json");
        Agent owner = TestAgents.create();

        Db.awaitProcessed(Sessions.opened(Sessions.publicSession(owner, "After the garbage", null)).eventId());

        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            List<ConsumerRecord<String, String>> dead = reader.readUntil(Topics.SESSIONS.deadLetter(),
                    records -> records.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30));
            assertThat(dead).filteredOn(r -> key.equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{not json"));
        }
    }
}
