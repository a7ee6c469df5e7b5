package org.somaagent01.migrator.plan;

import java.nio.charset.StandardCharsets;

/** Names the planner makes up (temporary indexes and checks), within PostgreSQL's 63-byte limit. */
final class Names {
    static final int MAX_BYTES = 63;

    private Names() {}

    /** {@code base + suffix}; when too long, base shortened and a short hash of it added so names stay distinct. */
    static String derived(String base, String suffix) {
        String name = base + suffix;
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return name;
        String hash = Integer.toHexString(base.hashCode() & 0xfffffff);
        String head = base;
        while ((head + "_" + hash + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "_" + hash + suffix;
    }
}
