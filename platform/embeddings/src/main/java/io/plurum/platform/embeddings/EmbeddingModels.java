package io.plurum.platform.embeddings;

import java.util.List;

/**
 * The models Plurum can load, by id. Loading makes sure the tokenizer library (DJL) runs offline: unless told so it
 * calls a cloud metadata address for usage tracking, and may download native code. The JVM flags
 * {@code -Dai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} are the documented way; setting the same switches
 * as system properties here keeps a JVM started without them from reaching the network all the same.
 */
public final class EmbeddingModels {

    /** all-MiniLM-L6-v2, int8-quantized ONNX: 384 dimensions, about 2 ms per query on one core. */
    public static final String MINILM_L6_V2_Q = "all-minilm-l6-v2-q";
    /** all-MiniLM-L6-v2, fp32 ONNX: same vectors up to quantization noise, about twice as slow. */
    public static final String MINILM_L6_V2 = "all-minilm-l6-v2";
    public static final String DEFAULT = MINILM_L6_V2_Q;
    public static final List<String> IDS = List.of(MINILM_L6_V2_Q, MINILM_L6_V2);

    static final String DJL_OFFLINE = "ai.djl.offline";
    static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private EmbeddingModels() {
    }

    /**
     * Loads a model (hundreds of milliseconds, about 0.2 GB); callers keep one instance per JVM. The weights and
     * tokenizers are those of the langchain4j artifacts, whose files carry the model's id as their name.
     */
    public static EmbeddingModel load(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown embedding model " + id + "; known: " + IDS);
        }
        forceOffline();
        return new OnnxEmbeddingModel(id, id);
    }

    /** DJL reads both switches from the environment or, failing that, from system properties. */
    static void forceOffline() {
        if (System.getProperty(DJL_OFFLINE) == null) {
            System.setProperty(DJL_OFFLINE, "true");
        }
        if (!Boolean.parseBoolean(System.getenv(OPT_OUT_TRACKING))) {
            System.setProperty(OPT_OUT_TRACKING, "true");
        }
    }
}
