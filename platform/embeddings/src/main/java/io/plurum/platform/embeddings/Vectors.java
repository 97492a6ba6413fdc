package io.plurum.platform.embeddings;

/** Small vector arithmetic for normalised embeddings. */
public final class Vectors {

    private Vectors() {
    }

    /** The vector scaled to length 1 (a zero vector stays zero, so it matches nothing). */
    public static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float[] unit = vector.clone();
        if (sum == 0) {
            return unit;
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < unit.length; i++) {
            unit[i] *= scale;
        }
        return unit;
    }

    /** Cosine similarity of two normalised vectors. */
    public static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
