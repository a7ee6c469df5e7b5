package org.somaagent01.migrator.store;

import java.util.List;

/** Reads {@link StatementFacts} from one statement of a script (as {@link SqlStatements#split} returns it). */
public final class StatementClassifier {
    private StatementClassifier() {}

    public static StatementFacts classify(String statement) {
        // skeleton: the real token-based implementation replaces this
        String s = statement.strip().toUpperCase(java.util.Locale.ROOT);
        boolean outside = s.contains(" CONCURRENTLY ") || s.startsWith("VACUUM");
        return new StatementFacts("", outside, List.of(), List.of(), List.of(), List.of(), s.startsWith("DO "));
    }
}
