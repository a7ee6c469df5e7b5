package org.somaagent01.migrator.connect;

import org.somaagent01.db.PgDsn;

/** The DSN parser now lives in schema-dsl ({@link PgDsn#parse}); this keeps its message constant where tests look. */
final class DsnParser {
    static final String EXPECTED = PgDsn.EXPECTED;

    private DsnParser() {}
}
