package org.somaagent01.schema;

import org.somaagent01.schema.pg.PgEnumType;

/** PostgreSQL enum type {@code execution_status}; labels are the constant names in lower case, in this order. */
public enum ExecutionStatus {
    PENDING, RUNNING, SUCCESS, FAILED, SKIPPED;

    public static final PgEnumType<ExecutionStatus> PG_TYPE = PgEnumType.of("execution_status", ExecutionStatus.class);
}
