package org.somaagent01.migrator.history;

import java.time.OffsetDateTime;

/** One row of the history table. {@code how} is {@code applied} (DDL ran) or {@code adopted} (schema was there). */
public record AppliedVersion(int version, String name, String checksum, String appliedBy, OffsetDateTime appliedAt,
                             long durationMs, String how) {
    public static final String APPLIED = "applied";
    public static final String ADOPTED = "adopted";
}
