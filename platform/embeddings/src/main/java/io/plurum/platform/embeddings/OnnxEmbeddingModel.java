package io.plurum.platform.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * A sentence-transformers model (BERT encoder, mean pooling) run directly on ONNX Runtime, its weights and tokenizer
 * read from a jar on the class path. Same vectors as langchain4j's pipeline over the same files (a test pins it),
 * without its overhead: the text is tokenized once instead of three times, and one inference uses one thread. A
 * query is a few milliseconds of sequential work, which a second thread mostly waits on; the other core is better
 * left to keyword retrieval or to another request.
 */
final class OnnxEmbeddingModel implements EmbeddingModel {

    private final String id;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final int dimensions;

    /** {@code resource}: the names {@code <resource>.onnx} and {@code <resource>-tokenizer.json} on the class path. */
    OnnxEmbeddingModel(String id, String resource) {
        this.id = id;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            this.environment = OrtEnvironment.getEnvironment();
            this.session = environment.createSession(read(resource + ".onnx"), options);
            this.typeIds = session.getInputNames().contains("token_type_ids");
            long[] shape = ((TensorInfo) session.getOutputInfo().values().iterator().next().getInfo()).getShape();
            this.dimensions = Math.toIntExact(shape[shape.length - 1]);
        } catch (OrtException e) {
            throw new IllegalStateException("embedding model " + id + " did not load", e);
        }
        try (InputStream json = stream(resource + "-tokenizer.json")) {
            // Truncation (128 tokens) comes from the tokenizer file; one text at a time needs no padding.
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("tokenizer of " + id + " unreadable", e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] shape = {1, encoding.getIds().length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", tensor(encoding.getIds(), shape));
            inputs.put("attention_mask", tensor(encoding.getAttentionMask(), shape));
            if (typeIds) {
                inputs.put("token_type_ids", tensor(encoding.getTypeIds(), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return meanOfTokens(((OnnxTensor) result.get(0)).getFloatBuffer());
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding with " + id + " failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    @Override
    public String toString() {
        return id + " (" + dimensions + " dimensions)";
    }

    /** Every token counts, [CLS] and [SEP] included, as the model was trained to be pooled. */
    private float[] meanOfTokens(FloatBuffer hidden) {
        float[] sum = new float[dimensions];
        int tokens = hidden.remaining() / dimensions;
        for (int t = 0; t < tokens; t++) {
            for (int d = 0; d < dimensions; d++) {
                sum[d] += hidden.get();
            }
        }
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= tokens;
        }
        return Vectors.normalize(sum);
    }

    private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
        return OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
    }

    private static byte[] read(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("model file " + name + " unreadable", e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = OnnxEmbeddingModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }
}
