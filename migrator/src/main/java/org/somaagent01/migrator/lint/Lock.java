package org.somaagent01.migrator.lint;

/** Table lock levels a DDL statement takes, weakest first; {@link #NONE} for statements on no existing table. */
public enum Lock {
    NONE("no lock on an existing table"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE (reads and writes go on)"),
    SHARE("SHARE (blocks writes)"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE (blocks writes)"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE (blocks reads and writes)");

    public final String description;

    Lock(String description) { this.description = description; }

    Lock max(Lock other) { return other.ordinal() > ordinal() ? other : this; }
}
