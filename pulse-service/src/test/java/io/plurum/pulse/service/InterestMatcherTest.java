package io.plurum.pulse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.pulse.service.InterestMatcher.Evidence;
import io.plurum.pulse.service.InterestMatcher.Kind;
import io.plurum.pulse.service.InterestMatcher.Match;
import io.plurum.pulse.service.InterestMatcher.Term;

class InterestMatcherTest {

    private static final Instant T0 = Instant.parse("2026-02-06T10:00:00Z");
    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID CAROL = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    @Test
    void shouldDescribeWorkByDomainToolsAndMeaningfulTopicWords() {
        assertThat(InterestMatcher.describe("Set up PostgreSQL replication for the Node.js API, with C++ and C#.",
                " Infrastructure ", List.of("Docker", " docker ", "AWS  CLI", "")))
                .containsExactly(new Term(Kind.DOMAIN, "infrastructure"), new Term(Kind.TOOL, "docker"),
                        new Term(Kind.TOOL, "aws cli"), new Term(Kind.TOPIC, "postgresql"),
                        new Term(Kind.TOPIC, "replication"), new Term(Kind.TOPIC, "node.js"),
                        new Term(Kind.TOPIC, "api"), new Term(Kind.TOPIC, "c++"), new Term(Kind.TOPIC, "c#"));
    }

    @Test
    void shouldDescribeNothingForEmptyWork() {
        assertThat(InterestMatcher.describe(null, null, null)).isEmpty();
        assertThat(InterestMatcher.describe("How to fix it? 2024 / 42", "  ", List.of())).isEmpty();
    }

    @Test
    void shouldKeepAtMostTwelveTopicWords() {
        String topic = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november";
        assertThat(InterestMatcher.topicWords(topic)).hasSize(InterestMatcher.MAX_TOPIC_TERMS).endsWith("lima");
    }

    @Test
    void shouldLetToolsAndTopicWordsMatchEachOtherButNotDomains() {
        assertThat(InterestMatcher.probes(InterestMatcher.describe("vacuum tuning", "databases",
                List.of("postgresql"))))
                .containsExactlyInAnyOrder(new Term(Kind.DOMAIN, "databases"), new Term(Kind.TOOL, "postgresql"),
                        new Term(Kind.TOPIC, "postgresql"), new Term(Kind.TOPIC, "vacuum"),
                        new Term(Kind.TOOL, "vacuum"), new Term(Kind.TOPIC, "tuning"), new Term(Kind.TOOL, "tuning"));
    }

    @Test
    void shouldRankToolsOverTopicWordsOverDomains() {
        List<Match> ranked = InterestMatcher.rank(List.of(
                new Evidence(ALICE, Kind.DOMAIN, "databases", 1, T0),
                new Evidence(BOB, Kind.TOPIC, "replication", 1, T0),
                new Evidence(CAROL, Kind.TOOL, "postgresql", 1, T0)), 10);

        assertThat(ranked).extracting(Match::agentId).containsExactly(CAROL, BOB, ALICE);
        assertThat(ranked).extracting(Match::score).containsExactly(3, 2, 1);
    }

    @Test
    void shouldCapTheStrengthOfOneTermSoThatBreadthBeatsRepetition() {
        List<Match> ranked = InterestMatcher.rank(List.of(
                new Evidence(ALICE, Kind.TOOL, "postgresql", 50, T0),
                new Evidence(BOB, Kind.TOOL, "postgresql", 2, T0),
                new Evidence(BOB, Kind.TOPIC, "replication", 2, T0)), 10);

        assertThat(ranked).extracting(Match::agentId).containsExactly(BOB, ALICE);
        assertThat(ranked).extracting(Match::score).containsExactly(10, 9);
    }

    @Test
    void shouldBreakTiesByRecencyThenById() {
        List<Match> ranked = InterestMatcher.rank(List.of(
                new Evidence(CAROL, Kind.TOOL, "docker", 1, T0),
                new Evidence(BOB, Kind.TOOL, "docker", 1, T0),
                new Evidence(ALICE, Kind.TOOL, "docker", 1, T0.minusSeconds(60))), 10);

        assertThat(ranked).extracting(Match::agentId).containsExactly(BOB, CAROL, ALICE);
    }

    @Test
    void shouldKeepOnlyTheBestMatchesWithinTheLimit() {
        List<Match> ranked = InterestMatcher.rank(List.of(
                new Evidence(ALICE, Kind.TOOL, "docker", 1, T0),
                new Evidence(BOB, Kind.DOMAIN, "deployment", 1, T0),
                new Evidence(CAROL, Kind.TOPIC, "ecs", 1, T0)), 2);

        assertThat(ranked).extracting(Match::agentId).containsExactly(ALICE, CAROL);
        assertThat(InterestMatcher.rank(List.of(new Evidence(ALICE, Kind.TOOL, "docker", 1, T0)), 0)).isEmpty();
    }

    @Test
    void shouldExplainAMatchByItsStrongestTermsAndItsDomain() {
        List<Match> ranked = InterestMatcher.rank(List.of(
                new Evidence(ALICE, Kind.TOPIC, "replication", 1, T0),
                new Evidence(ALICE, Kind.TOOL, "postgresql", 2, T0),
                new Evidence(ALICE, Kind.TOPIC, "postgresql", 1, T0),
                new Evidence(ALICE, Kind.TOPIC, "wal", 1, T0),
                new Evidence(ALICE, Kind.TOPIC, "slots", 1, T0),
                new Evidence(ALICE, Kind.DOMAIN, "databases", 3, T0)), 10);

        assertThat(ranked.getFirst().reason())
                .isEqualTo("you worked on postgresql, replication and slots in databases");
    }

    @Test
    void shouldExplainSingleTermAndDomainOnlyMatches() {
        assertThat(InterestMatcher.reason(List.of(new Evidence(ALICE, Kind.TOOL, "postgresql", 1, T0))))
                .isEqualTo("you worked on postgresql");
        assertThat(InterestMatcher.reason(List.of(new Evidence(ALICE, Kind.DOMAIN, "deployment", 1, T0))))
                .isEqualTo("you worked in deployment");
        assertThat(InterestMatcher.reason(List.of(new Evidence(ALICE, Kind.TOOL, "docker", 1, T0),
                new Evidence(ALICE, Kind.TOPIC, "ecs", 1, T0))))
                .isEqualTo("you worked on docker and ecs");
    }
}
