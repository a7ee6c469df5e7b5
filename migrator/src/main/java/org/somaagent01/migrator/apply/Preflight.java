package org.somaagent01.migrator.apply;

import java.sql.Connection;

/** Placeholder until the preflight checks land. */
public final class Preflight {
    private Preflight() {}

    public static void check(Connection c, String historySchema, String appSchema) {}
}
