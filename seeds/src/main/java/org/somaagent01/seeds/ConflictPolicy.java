package org.somaagent01.seeds;

import java.time.OffsetDateTime;
import java.util.List;
import org.jetbrains.exposed.v1.core.Column;

/** What seeding does with a row whose key is already taken, kept as the legacy init scripts did it. */
sealed interface ConflictPolicy {

    /** {@code ON CONFLICT DO NOTHING}: the row is the operator's once it exists. */
    record KeepExisting() implements ConflictPolicy {}

    /**
     * {@code ON CONFLICT (primary key) DO UPDATE} of the catalog columns, stamping {@code touched}; the other columns
     * (health, cost, enablement, …) stay as operators set them. Only rows whose catalog columns differ are updated,
     * so a re-seed without changes leaves {@code touched} alone.
     */
    record UpdateCatalog(List<Column<?>> catalogColumns, Column<OffsetDateTime> touched) implements ConflictPolicy {}
}
