package org.somaagent01.migrator.model;

import java.util.List;

/**
 * A row-level security policy of a table: {@code CREATE POLICY name ON table AS PERMISSIVE|RESTRICTIVE FOR command
 * TO roles USING (using) WITH CHECK (withCheck)}. {@code command} is ALL, SELECT, INSERT, UPDATE or DELETE;
 * {@code roles} are role names, {@code public} for PUBLIC, sorted (PostgreSQL keeps no order); {@code using} and
 * {@code withCheck} in {@code pg_get_expr} form, or null when absent.
 */
public record PolicyModel(String name, boolean permissive, String command, List<String> roles, String using,
                          String withCheck) {
    public static final String PUBLIC = "public";
    private static final List<String> COMMANDS = List.of("ALL", "SELECT", "INSERT", "UPDATE", "DELETE");

    public PolicyModel {
        if (!COMMANDS.contains(command)) throw new IllegalArgumentException("policy command " + command + " is not one of " + COMMANDS);
        roles = roles == null || roles.isEmpty() ? List.of(PUBLIC) : roles.stream().sorted().distinct().toList();
    }

    /** Whether ALTER POLICY turns this one into {@code other}: it changes roles and expressions, but adds or drops no clause. */
    public boolean alterableTo(PolicyModel other) {
        return name.equals(other.name) && permissive == other.permissive && command.equals(other.command)
                && (using == null) == (other.using == null) && (withCheck == null) == (other.withCheck == null);
    }
}
