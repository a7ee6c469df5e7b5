package org.somaagent01.schema;

import org.somaagent01.schema.pg.PgEnumType;

/** PostgreSQL enum type {@code job_status}; labels are the constant names in lower case, in this order. */
public enum JobStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public static final PgEnumType<JobStatus> PG_TYPE = PgEnumType.of("job_status", JobStatus.class);
}
