package org.somaagent01.migrator.lint;

/** What a statement does to the rows of its table, cheapest first: how long its lock is held grows with the table. */
public enum Effect {
    NONE("catalog only"), SCAN("reads every row"), REWRITE("rewrites every row");

    public final String description;

    Effect(String description) { this.description = description; }

    Effect max(Effect other) { return other.ordinal() > ordinal() ? other : this; }
}
