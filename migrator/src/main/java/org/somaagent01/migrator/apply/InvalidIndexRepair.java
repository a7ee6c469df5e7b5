package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.somaagent01.migrator.store.SqlLexer;
import org.somaagent01.migrator.store.SqlLexer.Kind;
import org.somaagent01.migrator.store.SqlLexer.Token;

/**
 * A failed {@code CREATE INDEX CONCURRENTLY} (a crash, a cancel, a duplicate key) leaves the index behind, marked
 * invalid: the planner uses it for nothing, writers still maintain it, and {@code IF NOT EXISTS} would skip it on
 * the re-run. Before such a statement runs, an invalid index of that name is dropped concurrently, so the build
 * starts again.
 */
public final class InvalidIndexRepair {
    private InvalidIndexRepair() {}

    /** Drops the invalid leftover of {@code statement}'s index, if {@code statement} builds one concurrently. */
    public static void before(Connection c, String statement, Consumer<String> log) throws SQLException {
        String index = concurrentIndexName(statement);
        if (index == null) return;
        try (PreparedStatement ps = c.prepareStatement("SELECT NOT i.indisvalid FROM pg_index i WHERE i.indexrelid = to_regclass(?)")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) return;
            }
        }
        log.accept("  index " + index + " is invalid (an earlier concurrent build failed): dropping it to build it again");
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index);
        }
    }

    /**
     * The quoted (possibly schema-qualified) name of the index {@code CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS
     * name} builds; null for any other statement.
     */
    static String concurrentIndexName(String statement) {
        List<Token> t = new ArrayList<>();
        for (Token token : SqlLexer.tokens(statement)) if (!token.isComment()) t.add(token);
        int i = 0;
        if (!at(t, i++, "CREATE")) return null;
        if (at(t, i, "UNIQUE")) i++;
        for (String word : List.of("INDEX", "CONCURRENTLY", "IF", "NOT", "EXISTS")) if (!at(t, i++, word)) return null;
        List<String> parts = new ArrayList<>();
        while (i < t.size() && (t.get(i).kind() == Kind.WORD || t.get(i).kind() == Kind.QUOTED_IDENT)) {
            parts.add('"' + SqlLexer.identifier(t.get(i)).replace("\"", "\"\"") + '"');
            if (i + 1 < t.size() && t.get(i + 1).isPunct('.')) i += 2;
            else break;
        }
        return parts.isEmpty() || parts.get(parts.size() - 1).equalsIgnoreCase("\"ON\"") ? null : String.join(".", parts);
    }

    private static boolean at(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).is(word);
    }
}
