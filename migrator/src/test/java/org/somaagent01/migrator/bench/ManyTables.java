package org.somaagent01.migrator.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds a schema of many tables, each with what the inspector reads: columns, keys, a CHECK, an FK, indexes, a trigger, a comment. */
public final class ManyTables {
    private ManyTables() {}

    public static void create(Connection connection, int tables) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS vector");
            st.execute("CREATE TYPE state AS ENUM ('new', 'done')");
            st.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END;$$");
            // one DO block: a round trip per table would dominate the set-up time
            st.execute("""
                    DO $$ BEGIN
                    FOR i IN 1..%d LOOP
                        EXECUTE format('CREATE TABLE t%%s (id bigint PRIMARY KEY, parent bigint REFERENCES t%%s (id) ON DELETE CASCADE,
                            name varchar(80) NOT NULL UNIQUE, tags text[] DEFAULT ''{}''::text[], meta jsonb DEFAULT ''{}''::jsonb,
                            state state, embedding vector(8), created timestamptz DEFAULT now(), CHECK (id > 0))', i, greatest(i - 1, 1));
                        EXECUTE format('CREATE INDEX ix_t%%s_meta ON t%%s USING gin (meta jsonb_path_ops)', i, i);
                        EXECUTE format('CREATE INDEX ix_t%%s_created ON t%%s (created DESC) WHERE (state IS NOT NULL)', i, i);
                        EXECUTE format('CREATE TRIGGER trg_t%%s BEFORE UPDATE ON t%%s FOR EACH ROW EXECUTE FUNCTION touch()', i, i);
                        EXECUTE format('COMMENT ON TABLE t%%s IS ''table %%s''', i, i);
                    END LOOP;
                    END $$""".formatted(tables));
        }
    }
}
