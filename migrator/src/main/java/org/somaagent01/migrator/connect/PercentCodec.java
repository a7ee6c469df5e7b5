package org.somaagent01.migrator.connect;

/** Delegates to schema-dsl's {@link org.somaagent01.db.PercentCodec}, shared with applications. */
final class PercentCodec {
    private PercentCodec() {}

    static String encode(String s) {
        return org.somaagent01.db.PercentCodec.encode(s);
    }
}
