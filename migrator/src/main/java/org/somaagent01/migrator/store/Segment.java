package org.somaagent01.migrator.store;

import java.util.List;

/**
 * One unit of a script that commits on its own: a transactional segment runs in one transaction together with the
 * history record of its progress; a segment outside a transaction holds exactly one statement (PostgreSQL refuses
 * it in a transaction block, or a later segment needs it committed, as with a new enum value).
 *
 * @param number     1-based position in its script
 * @param statements the statements in order, with the script line each starts on
 * @param facts      what each statement does, index for index with {@code statements}
 * @param checksum   SHA-256 of the segment's statements, recorded when it is applied, checked before a resume
 */
public record Segment(int number, boolean transactional, List<SqlStatements.Statement> statements,
                      List<StatementFacts> facts, String checksum) {
    public Segment {
        statements = List.copyOf(statements);
        facts = List.copyOf(facts);
    }

    /** Every relation the segment's statements lock, for naming who blocks it. */
    public List<String> relations() {
        return facts.stream().flatMap(f -> f.relations().stream()).distinct().toList();
    }

    public String sql() {
        StringBuilder sb = new StringBuilder();
        for (SqlStatements.Statement s : statements) sb.append(s.sql()).append(";\n");
        return sb.toString();
    }
}
