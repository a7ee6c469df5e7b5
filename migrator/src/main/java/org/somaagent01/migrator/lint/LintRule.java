package org.somaagent01.migrator.lint;

import java.util.Locale;

/**
 * What lint looks for: the statements that hold a lock long enough to stop a busy table, rewrite it, or break the
 * application release still running. The ids follow squawk's where one exists. Each names the safe alternative.
 */
public enum LintRule {
    ADDING_FIELD_WITH_VOLATILE_DEFAULT("adding a column with a volatile default rewrites the table under ACCESS EXCLUSIVE",
            "add the column without a default (or with a constant one), then backfill in batches and SET DEFAULT"),
    CHANGING_COLUMN_TYPE("changing a column's type rewrites the table (and its indexes) under ACCESS EXCLUSIVE",
            "add a new column of the new type, backfill it in batches, switch the application, drop the old column"),
    RENAMING_COLUMN("renaming a column breaks the running release that reads the old name",
            "add the new column, write both, backfill, switch readers, then drop the old one in a later release"),
    RENAMING_TABLE("renaming a table breaks the running release that reads the old name",
            "create a view under the old name for the transition, or rename in a release that no longer reads it"),
    ADDING_NOT_NULLABLE_FIELD("adding a NOT NULL column without a default fails on a table with rows",
            "add it nullable or with a default, backfill, then set NOT NULL through a validated CHECK"),
    SETTING_NOT_NULL("SET NOT NULL scans the whole table under ACCESS EXCLUSIVE",
            "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later transaction, then SET NOT NULL (no scan) and drop the CHECK"),
    ADDING_FOREIGN_KEY_CONSTRAINT("adding a foreign key validates every row while holding SHARE ROW EXCLUSIVE on both tables",
            "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a later transaction"),
    CONSTRAINT_MISSING_NOT_VALID("adding a CHECK validates every row under ACCESS EXCLUSIVE",
            "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a later transaction"),
    REQUIRE_CONCURRENT_INDEX_CREATION("CREATE INDEX blocks every write to the table while it builds",
            "CREATE INDEX CONCURRENTLY in its own '-- migrator:segment no-transaction'"),
    REQUIRE_CONCURRENT_INDEX_DELETION("DROP INDEX takes ACCESS EXCLUSIVE on the table, queueing every query behind it",
            "DROP INDEX CONCURRENTLY in its own '-- migrator:segment no-transaction'"),
    DISALLOWED_UNIQUE_CONSTRAINT("adding a UNIQUE or PRIMARY KEY constraint builds its index under ACCESS EXCLUSIVE",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX"),
    BAN_DROP_COLUMN("dropping a column breaks the running release that still reads it, and its data is gone",
            "stop reading the column in one release, drop it in the next"),
    BAN_DROP_TABLE("dropping a table breaks the running release that still reads it, and its data is gone",
            "stop using the table in one release, drop it in the next, after a backup"),
    ENUM_VALUE_USED_IN_TRANSACTION("a new enum value cannot be used before the transaction that added it commits",
            "add the value in a segment of its own ('-- migrator:segment') before the one that uses it");

    public final String hazard;
    public final String alternative;

    LintRule(String hazard, String alternative) {
        this.hazard = hazard;
        this.alternative = alternative;
    }

    /** The rule's name in output and in {@code -- migrator:lint-ok} lines, e.g. {@code changing-column-type}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LintRule byId(String id) {
        for (LintRule r : values()) if (r.id().equals(id)) return r;
        return null;
    }
}
