package org.somaagent01.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test embeddings that look like real ones: 384 dimensions around a few dozen topic centres (uniform random vectors
 * are unlike any embedding model's output and make every index look bad), and exact cosine distance in Java.
 */
final class Embeddings {
    static final int DIM = 384;

    private final Random random;
    private final List<float[]> centres = new ArrayList<>();

    private final double noise;

    Embeddings(long seed, int topics) {
        this(seed, topics, 0.6);
    }

    /** {@code noise}: the spread around a topic centre, per dimension, relative to the centres' own spread of 1. */
    Embeddings(long seed, int topics, double noise) {
        this.noise = noise;
        random = new Random(seed);
        for (int i = 0; i < topics; i++) centres.add(gaussian(1.0));
    }

    /** A vector near one of the topic centres. */
    float[] next() {
        float[] c = centres.get(random.nextInt(centres.size()));
        float[] jitter = gaussian(noise);
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) v[i] = c[i] + jitter[i];
        return v;
    }

    private float[] gaussian(double sigma) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) v[i] = (float) (random.nextGaussian() * sigma);
        return v;
    }

    static double cosineDistance(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return 1 - dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    /** pgvector's text form, {@code [1.0,2.5,…]}. */
    static String text(float[] v) {
        StringBuilder s = new StringBuilder(v.length * 10).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) s.append(',');
            s.append(v[i]);
        }
        return s.append(']').toString();
    }
}
