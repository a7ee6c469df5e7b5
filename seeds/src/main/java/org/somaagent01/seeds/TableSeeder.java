package org.somaagent01.seeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ResultRow;

/** Plans or writes the rows of one data file against its table, inside the caller's Exposed transaction. */
final class TableSeeder {
    /** jsonb compares numbers by value (1 = 1.0); Jackson's plain equals would not. */
    private static final Comparator<JsonNode> JSONB_EQUALITY = (a, b) ->
            a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    private final SeedTable table;
    private final List<SeedRow> rows;
    private final List<String> inserted = new ArrayList<>();
    private final List<String> updated = new ArrayList<>();
    private int unchanged;

    private TableSeeder(SeedTable table, List<SeedRow> rows) {
        this.table = table;
        this.rows = rows;
    }

    /** Read-only: what {@link #apply} would do now. */
    static SeedReport.TableReport plan(SeedTable table, List<SeedRow> rows) {
        TableSeeder seeder = new TableSeeder(table, rows);
        LiveRows live = LiveRows.read(table);
        for (SeedRow row : rows) {
            Optional<ResultRow> existing = live.find(row);
            if (existing.isEmpty()) seeder.inserted(row);
            else if (catalogColumnsDiffer(table, row, existing.get())) seeder.updated(row);
            else seeder.unchanged++;
        }
        return seeder.report();
    }

    /** Writes the rows; the report says what the statements did (the database decides what changed). */
    static SeedReport.TableReport apply(SeedTable table, List<SeedRow> rows) {
        TableSeeder seeder = new TableSeeder(table, rows);
        LiveRows live = LiveRows.read(table);
        for (SeedRow row : rows) {
            boolean existed = live.find(row).isPresent();
            int written = write(table, row);
            if (written == 0) seeder.unchanged++;
            else if (existed) seeder.updated(row);
            else seeder.inserted(row);
        }
        return seeder.report();
    }

    /** Thrown out of the Exposed transaction (a Kotlin lambda, no checked exceptions); {@link Seeds} unwraps it. */
    static final class RowFailed extends RuntimeException {
        final SeedRowException failure;

        RowFailed(SeedRowException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    /** One row's statement; a failure names the file and the row, so the message can point at the data. */
    private static int write(SeedTable table, SeedRow row) {
        try {
            return SeedStatements.write(table, row);
        } catch (Exception e) {
            // Exposed raises ExposedSQLException, a checked SQLException that Java cannot see declared
            if (e instanceof SQLException sql) {
                throw new RowFailed(new SeedRowException(table.fileName(), row.index(), row.describeNamed(table.primaryKey()), sql));
            }
            throw e;
        }
    }

    private static boolean catalogColumnsDiffer(SeedTable table, SeedRow row, ResultRow existing) {
        if (!(table.policy() instanceof ConflictPolicy.UpdateCatalog update)) return false;
        for (Column<?> c : update.catalogColumns()) {
            if (row.values().containsKey(c) && !sameValue(row.values().get(c), existing.get(c))) return true;
        }
        return false;
    }

    private static boolean sameValue(Object seeded, Object live) {
        if (seeded instanceof JsonNode s && live instanceof JsonNode l) return s.equals(JSONB_EQUALITY, l);
        return Objects.equals(seeded, live);
    }

    private void inserted(SeedRow row) { inserted.add(row.describe(table.primaryKey())); }

    private void updated(SeedRow row) { updated.add(row.describe(table.primaryKey())); }

    private SeedReport.TableReport report() {
        return new SeedReport.TableReport(table.name(), inserted, updated, unchanged);
    }
}
