package io.plurum.pulse.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who cares about a session, and why. A session (or experience) is described by terms of three kinds: its domain,
 * its tools and the words of its topic. An agent's profile holds the terms of its own past work, each with a
 * strength (how many of its sessions, experiences and contributions showed it). An agent matches when its profile
 * shares a term; tools and topic words match each other, because "postgresql" is the same interest whether it was
 * named as a tool or in a topic.
 *
 * <p>Score: the sum over shared terms of kind weight (tool 3, topic word 2, domain 1) times the strength, capped
 * at {@value #STRENGTH_CAP} so that one prolific agent does not crowd out everyone else. Ties go to the agent
 * seen most recently, then to the lower id, so the ranking is the same in every replica and in SQL. Weights are
 * integers for the same reason: the database pre-selects the top candidates with exactly this formula.
 */
public final class InterestMatcher {

    public static final int STRENGTH_CAP = 3;
    static final int MAX_TOPIC_TERMS = 12;
    static final int MAX_TOOLS = 20;
    static final int MAX_TERM_LENGTH = 60;
    private static final int REASON_TERMS = 3;

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}+#._-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "before", "between", "but",
            "by", "can", "do", "does", "for", "from", "get", "getting", "has", "have", "how", "i", "if", "in", "into",
            "is", "it", "its", "make", "making", "me", "my", "new", "not", "of", "on", "or", "our", "out", "over",
            "so", "some", "that", "the", "their", "them", "then", "there", "this", "to", "too", "up", "use", "used",
            "using", "via", "vs", "was", "we", "what", "when", "where", "which", "while", "why", "will", "with",
            "without", "work", "working", "you", "your",
            // Verbs every task starts with: they say nothing about what the work is about.
            "add", "adding", "build", "building", "change", "check", "create", "creating", "fix", "fixing",
            "implement", "implementing", "improve", "set", "setting", "setup", "try", "trying", "update", "updating");

    /** What a term describes; stored by its lowercase name. */
    public enum Kind {
        DOMAIN(1), TOOL(3), TOPIC(2);

        private final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        public int weight() {
            return weight;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    public record Term(Kind kind, String value) {
    }

    /** One term of one agent's profile that a session shares. */
    public record Evidence(UUID agentId, Kind kind, String value, int strength, Instant lastSeen) {

        int points() {
            return kind.weight() * Math.min(strength, STRENGTH_CAP);
        }
    }

    /** An agent to notify, and the sentence that says why. */
    public record Match(UUID agentId, int score, String reason) {
    }

    private InterestMatcher() {
    }

    /** The normalised terms of a piece of work: its domain, its tools and the meaningful words of its topic. */
    public static Set<Term> describe(String topic, String domain, Collection<String> tools) {
        Set<Term> terms = new LinkedHashSet<>();
        String normalisedDomain = normalise(domain);
        if (normalisedDomain != null) {
            terms.add(new Term(Kind.DOMAIN, normalisedDomain));
        }
        if (tools != null) {
            tools.stream().map(InterestMatcher::normalise).filter(t -> t != null).distinct().limit(MAX_TOOLS)
                    .forEach(tool -> terms.add(new Term(Kind.TOOL, tool)));
        }
        topicWords(topic).forEach(word -> terms.add(new Term(Kind.TOPIC, word)));
        return terms;
    }

    /** The profile terms that make an agent care about work described by {@code terms}. */
    public static Set<Term> probes(Set<Term> terms) {
        Set<Term> probes = new LinkedHashSet<>();
        for (Term term : terms) {
            probes.add(term);
            if (term.kind() == Kind.TOOL) {
                probes.add(new Term(Kind.TOPIC, term.value()));
            } else if (term.kind() == Kind.TOPIC) {
                probes.add(new Term(Kind.TOOL, term.value()));
            }
        }
        return probes;
    }

    /** The best {@code limit} agents among those with shared terms, each with its reason. */
    public static List<Match> rank(Collection<Evidence> evidence, int limit) {
        Map<UUID, List<Evidence>> byAgent = new HashMap<>();
        evidence.forEach(e -> byAgent.computeIfAbsent(e.agentId(), id -> new ArrayList<>()).add(e));
        record Scored(UUID agentId, int score, Instant lastSeen, List<Evidence> evidence) {
        }
        return byAgent.entrySet().stream()
                .map(entry -> new Scored(entry.getKey(),
                        entry.getValue().stream().mapToInt(Evidence::points).sum(),
                        entry.getValue().stream().map(Evidence::lastSeen).max(Comparator.naturalOrder()).orElseThrow(),
                        entry.getValue()))
                .sorted(Comparator.comparingInt(Scored::score).reversed()
                        .thenComparing(Scored::lastSeen, Comparator.reverseOrder())
                        .thenComparing(scored -> scored.agentId().toString()))
                .limit(limit)
                .map(scored -> new Match(scored.agentId(), scored.score(), reason(scored.evidence())))
                .toList();
    }

    /** "you worked on postgresql and replication in databases", strongest terms first. */
    static String reason(List<Evidence> evidence) {
        Comparator<Evidence> strongestFirst = Comparator.comparingInt(Evidence::points).reversed()
                .thenComparing(Evidence::value);
        List<String> worked = evidence.stream().filter(e -> e.kind() != Kind.DOMAIN).sorted(strongestFirst)
                .map(Evidence::value).distinct().limit(REASON_TERMS).toList();
        String domain = evidence.stream().filter(e -> e.kind() == Kind.DOMAIN).sorted(strongestFirst)
                .map(Evidence::value).findFirst().orElse(null);
        if (worked.isEmpty()) {
            return "you worked in " + domain;
        }
        return "you worked on " + list(worked) + (domain == null ? "" : " in " + domain);
    }

    static List<String> topicWords(String topic) {
        if (topic == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String token : SEPARATORS.split(topic.toLowerCase(Locale.ROOT))) {
            String word = trimPunctuation(token);
            if (word.length() >= 2 && word.length() <= MAX_TERM_LENGTH && word.chars().anyMatch(Character::isLetter)
                    && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
            if (words.size() == MAX_TOPIC_TERMS) {
                break;
            }
        }
        return List.copyOf(words);
    }

    private static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String normalised = WHITESPACE.matcher(value.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return normalised.isEmpty() || normalised.length() > MAX_TERM_LENGTH ? null : normalised;
    }

    /** Keeps "node.js", "c++" and "c#" whole, but not the full stop that ends a sentence. */
    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && "._-".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "._-".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    private static String list(List<String> values) {
        if (values.size() == 1) {
            return values.getFirst();
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " and " + values.getLast();
    }
}
