package org.somaagent01.migrator.model;

/** {@code ON DELETE} / {@code ON UPDATE} actions, with the SQL they render to. */
public enum ForeignKeyAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

    public final String sql;

    ForeignKeyAction(String sql) { this.sql = sql; }

    /** From {@code pg_constraint.confdeltype}/{@code confupdtype}. */
    public static ForeignKeyAction fromCatalogCode(char code) {
        return switch (code) {
            case 'a' -> NO_ACTION;
            case 'r' -> RESTRICT;
            case 'c' -> CASCADE;
            case 'n' -> SET_NULL;
            case 'd' -> SET_DEFAULT;
            default -> throw new IllegalArgumentException("unknown foreign key action code " + code);
        };
    }
}
