package org.somaagent01.db;

import org.jetbrains.exposed.v1.core.ExpressionWithColumnType;
import org.jetbrains.exposed.v1.core.FunctionBuilderKt;
import org.jetbrains.exposed.v1.core.functions.vector.VectorDistance;

/**
 * pgvector's distance operators as typed Exposed expressions (a {@code Double}), for {@code select}, {@code where} and
 * {@code orderBy}. An index is used only for {@code ORDER BY <distance> LIMIT k} with the operator its opclass
 * serves: {@code session_embeddings}' ivfflat index is {@code vector_cosine_ops}, i.e. {@link #cosineDistance}.
 */
public final class Vectors {
    private Vectors() {}

    /** {@code column <=> query}: cosine distance, 0 (same direction) to 2 (opposite). */
    public static VectorDistance<float[]> cosineDistance(ExpressionWithColumnType<float[]> column, float[] query) {
        return FunctionBuilderKt.cosineDistance(column, query);
    }

    /** {@code column <-> query}: Euclidean (L2) distance. */
    public static VectorDistance<float[]> l2Distance(ExpressionWithColumnType<float[]> column, float[] query) {
        return FunctionBuilderKt.euclideanDistance(column, query);
    }

    /** {@code column <#> query}: the negative inner product (pgvector negates it so that smaller is nearer). */
    public static VectorDistance<float[]> negativeInnerProduct(ExpressionWithColumnType<float[]> column, float[] query) {
        return FunctionBuilderKt.dotDistance(column, query);
    }
}
