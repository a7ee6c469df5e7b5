package org.somaagent01.db;

import org.jetbrains.exposed.v1.core.Expression;
import org.jetbrains.exposed.v1.core.ExpressionWithColumnType;
import org.jetbrains.exposed.v1.core.Op;
import org.jetbrains.exposed.v1.core.OpBuilderKt;

/**
 * Exposed's conditions under Java names, for {@code import static org.somaagent01.db.Where.*}: each returns
 * Exposed's own {@link Op}, so they mix with anything else Exposed offers. Values are bound as parameters.
 */
public final class Where {
    private Where() {}

    public static <T> Op<Boolean> eq(ExpressionWithColumnType<T> column, T value) { return OpBuilderKt.eq(column, value); }
    public static <T> Op<Boolean> neq(ExpressionWithColumnType<T> column, T value) { return OpBuilderKt.neq(column, value); }
    public static <T extends Comparable<? super T>> Op<Boolean> less(ExpressionWithColumnType<T> column, T value) {
        return OpBuilderKt.less(column, value);
    }
    public static <T extends Comparable<? super T>> Op<Boolean> lessEq(ExpressionWithColumnType<T> column, T value) {
        return OpBuilderKt.lessEq(column, value);
    }
    public static <T extends Comparable<? super T>> Op<Boolean> greater(ExpressionWithColumnType<T> column, T value) {
        return OpBuilderKt.greater(column, value);
    }
    public static <T extends Comparable<? super T>> Op<Boolean> greaterEq(ExpressionWithColumnType<T> column, T value) {
        return OpBuilderKt.greaterEq(column, value);
    }
    /** {@code column BETWEEN from AND to}, both ends included. */
    public static <T> Op<Boolean> between(ExpressionWithColumnType<T> column, T from, T to) {
        return OpBuilderKt.between(column, from, to);
    }
    public static <T> Op<Boolean> inList(ExpressionWithColumnType<T> column, Iterable<? extends T> values) {
        return OpBuilderKt.inList(column, values);
    }
    public static Op<Boolean> isNull(Expression<?> expression) { return OpBuilderKt.isNull(expression); }
    public static Op<Boolean> isNotNull(Expression<?> expression) { return OpBuilderKt.isNotNull(expression); }
    /** SQL LIKE: {@code %} any characters, {@code _} one. */
    public static Op<Boolean> like(Expression<String> expression, String pattern) { return OpBuilderKt.like(expression, pattern); }
    public static Op<Boolean> not(Op<Boolean> op) { return OpBuilderKt.not(op); }

    @SafeVarargs
    public static Op<Boolean> and(Op<Boolean> first, Op<Boolean>... more) {
        Op<Boolean> all = first;
        for (Op<Boolean> op : more) all = OpBuilderKt.and(all, op);
        return all;
    }

    @SafeVarargs
    public static Op<Boolean> or(Op<Boolean> first, Op<Boolean>... more) {
        Op<Boolean> any = first;
        for (Op<Boolean> op : more) any = OpBuilderKt.or(any, op);
        return any;
    }
}
