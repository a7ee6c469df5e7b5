package org.somaagent01.migrator.model;

/** A function without arguments (trigger functions); {@code body} verbatim, as {@code pg_proc.prosrc} keeps it. */
public record FunctionModel(String name, String returns, String language, String body) {}
