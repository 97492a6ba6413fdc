package io.plurum.bench.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.Vectors;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.json.Json;
import io.plurum.search.index.ExperienceCounters;
import io.plurum.search.index.ExperienceHeader;
import io.plurum.search.index.IndexEntry;
import io.plurum.search.index.Kind;
import io.plurum.search.index.SearchableText;

/**
 * Synthetic experiences for speed runs. Embedding a million real texts would take hours here, so each synthetic
 * experience is a variation of one of the relevance set's experiences: its text mixes that experience's sentences
 * with another's, and its vector is the real embedding of the original plus Gaussian noise (cosine about 0.85 to it).
 * Vectors thus form realistic clusters instead of uniform noise, which would flatter HNSW.
 */
final class SyntheticCorpus {

    private static final double NOISE = 0.6;

    private final List<ExperienceState> seeds;
    private final List<float[]> seedVectors;
    private final String modelId;

    SyntheticCorpus(Dataset data, EmbeddingModel model) {
        this.seeds = List.copyOf(data.experiences().values());
        this.seedVectors = model.embedAll(seeds.stream().map(ExperienceState::embeddingText).toList());
        this.modelId = model.id();
    }

    /** Document number {@code i} for the index; its id is {@code new UUID(0, i)}, so results map back to numbers. */
    Document document(long i) {
        Random random = new Random(i);
        ExperienceState seed = seeds.get((int) (i % seeds.size()));
        ExperienceState other = seeds.get(random.nextInt(seeds.size()));
        SearchableText base = textOf(seed);
        String goal = base.goal() + " (variant " + i + ")";
        String breakthroughs = base.breakthroughs() + "\n" + textOf(other).breakthroughs();
        SearchableText mixed = new SearchableText(goal, breakthroughs, base.deadEnds(), textOf(other).gotchas(), "",
                base.tools(), base.domain(), String.join("\n", goal, breakthroughs, textOf(other).gotchas(),
                base.deadEnds()));
        UUID id = new UUID(0, i);
        ExperienceHeader header = new ExperienceHeader(id, Long.toString(i, 36), agent(i), null, mixed.goal(),
                seed.domain(), seed.toolsUsed(), "published", "public", "success", Instant.EPOCH, Instant.EPOCH);
        double quality = random.nextDouble();
        // Counters spread as a live index's are, so that their doc values compress no better than real ones do.
        Random counts = new Random(~i);
        int reports = counts.nextInt(50);
        int successes = reports == 0 ? 0 : counts.nextInt(reports + 1);
        ExperienceCounters counters = new ExperienceCounters(quality, reports == 0 ? 0 : successes / (double) reports,
                reports, successes, reports - successes, counts.nextInt(30), counts.nextInt(10), counts.nextInt(100),
                Instant.EPOCH.plusNanos(counts.nextLong(1L << 60)));
        IndexEntry entry = new IndexEntry(Kind.EXPERIENCE, id.toString(), header.shortId(),
                header.agentId().toString(), "published", "public", seed.domain(), seed.toolsUsed(), mixed,
                Json.write(header).getBytes(StandardCharsets.UTF_8), counters, i);
        return new Document(entry, noisy(seedVectors.get((int) (i % seeds.size())), random));
    }

    /**
     * Experience number {@code i} as experiences-service publishes it, its synthetic vector carried as the
     * embedding: the same vector, quality and mix of sentences as {@link #document}, in the event's shape.
     */
    ExperienceState state(long i) {
        Random random = new Random(i);
        ExperienceState seed = seeds.get((int) (i % seeds.size()));
        ExperienceState other = seeds.get(random.nextInt(seeds.size()));
        double quality = random.nextDouble();
        float[] vector = noisy(seedVectors.get((int) (i % seeds.size())), random);
        List<Breakthrough> breakthroughs = new ArrayList<>(seed.breakthroughs());
        breakthroughs.addAll(other.breakthroughs());
        return new ExperienceState(new UUID(0, i), Long.toString(i, 36), agent(i), null,
                seed.goal() + " (variant " + i + ")", seed.domain(), seed.toolsUsed(), "success", "published",
                "public", seed.deadEnds(), breakthroughs, other.gotchas(), List.of(), null, quality, 0.8, 5, 4, 1, 2,
                0, 3, 2, 0.8, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH)
                .withEmbedding(ExperienceState.encodeEmbedding(vector), modelId);
    }

    List<String> queryTexts(Dataset data) {
        List<String> texts = new ArrayList<>(data.queries().stream().map(Dataset.Query::query).toList());
        seeds.forEach(s -> texts.add(s.goal()));
        return texts;
    }

    private static UUID agent(long i) {
        return UUID.nameUUIDFromBytes(Long.toString(i % 5000).getBytes(StandardCharsets.UTF_8));
    }

    private static float[] noisy(float[] vector, Random random) {
        float[] copy = vector.clone();
        double sigma = NOISE / Math.sqrt(copy.length);
        for (int d = 0; d < copy.length; d++) {
            copy[d] += (float) (random.nextGaussian() * sigma);
        }
        return Vectors.normalize(copy);
    }

    static SearchableText textOf(ExperienceState s) {
        return new SearchableText(s.goal(),
                String.join("\n", s.breakthroughs().stream().map(b -> b.insight() + " " + b.detail()).toList()),
                String.join("\n", s.deadEnds().stream().map(d -> d.what() + " " + d.why()).toList()),
                String.join("\n", s.gotchas().stream().map(g -> g.warning() + " " + g.context()).toList()),
                "", String.join(" ", s.toolsUsed()), s.domain(), s.embeddingText());
    }

    record Document(IndexEntry entry, float[] vector) {
    }
}
