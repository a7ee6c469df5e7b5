package org.somaagent01.migrator.model;

/** {@code CONSTRAINT name CHECK (expression)}; the expression in {@code pg_get_expr} form. */
public record CheckModel(String name, String expression) {}
