package org.somaagent01.seeds;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What seeding does (plan) or did (apply), per table: the keys of the rows inserted and updated, and how many were
 * left alone. {@link #toString()} is a short human summary, one line per table.
 */
public record SeedReport(List<TableReport> tables) {

    public SeedReport {
        tables = List.copyOf(tables);
    }

    public record TableReport(String table, List<String> inserted, List<String> updated, int unchanged) {
        public TableReport {
            inserted = List.copyOf(inserted);
            updated = List.copyOf(updated);
        }

        public int changes() { return inserted.size() + updated.size(); }

        @Override
        public String toString() {
            return table + ": insert " + count(inserted) + ", update " + count(updated) + ", unchanged " + unchanged;
        }

        private static String count(List<String> keys) {
            return keys.isEmpty() ? "0" : keys.size() + " (" + String.join(", ", keys) + ")";
        }
    }

    /** Rows inserted or updated over all tables; 0 means the seed tables already hold the data files' content. */
    public int changes() {
        return tables.stream().mapToInt(TableReport::changes).sum();
    }

    @Override
    public String toString() {
        return tables.stream().map(TableReport::toString).collect(Collectors.joining("\n"));
    }
}
