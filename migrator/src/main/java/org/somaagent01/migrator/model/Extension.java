package org.somaagent01.migrator.model;

/** {@code CREATE EXTENSION name}. The version is not part of the schema: it follows the server's packages. */
public record Extension(String name) {}
