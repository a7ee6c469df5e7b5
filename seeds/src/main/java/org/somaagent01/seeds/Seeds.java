package org.somaagent01.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * The catalog seeds: {@code tool_catalog}, {@code multimodal_capabilities} and {@code prompts}, kept as one JSON data
 * file per table and written through the schema-dsl table objects with each table's conflict policy (see
 * {@link SeedTable#ALL}). Usage: {@code Seeds.load().apply(dataSource)}.
 *
 * <p>Every file is read and validated by {@link #load()} before anything touches the database. {@link #plan} and
 * {@link #apply} each take one connection from the DataSource and give it back before returning; a plain,
 * non-pooling DataSource (e.g. {@code org.postgresql.ds.PGSimpleDataSource}) is all they need.
 */
public final class Seeds {
    private static final String CLASSPATH_DIR = "/seeds/";

    private final Map<SeedTable, List<SeedRow>> rows;

    private Seeds(Map<SeedTable, List<SeedRow>> rows) {
        this.rows = rows;
    }

    /** The data files shipped in this jar ({@code seeds/<table>.json} on the classpath). */
    public static Seeds load() {
        return read(file -> Seeds.class.getResourceAsStream(CLASSPATH_DIR + file), "the classpath " + CLASSPATH_DIR);
    }

    /** The data files in {@code dir} ({@code <dir>/<table>.json}), e.g. for tests or a site's own catalog. */
    public static Seeds load(Path dir) {
        return read(file -> {
            try {
                return Files.newInputStream(dir.resolve(file));
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read seed file " + dir.resolve(file), e);
            }
        }, dir.toString());
    }

    /** Read-only: what {@link #apply} would do now. */
    public SeedReport plan(DataSource dataSource) throws SQLException {
        return ExposedTransactions.run(dataSource, true, () -> each(TableSeeder::plan));
    }

    /**
     * Writes the seeds in one transaction: all tables or nothing. A second apply reports no changes.
     *
     * @throws SeedRowException when the database rejects a row (a constraint, a type): names file and row
     */
    public SeedReport apply(DataSource dataSource) throws SQLException {
        try {
            return ExposedTransactions.run(dataSource, false, () -> each(TableSeeder::apply));
        } catch (TableSeeder.RowFailed e) {
            throw e.failure;
        }
    }

    /**
     * Writes the seeds as {@link #apply} does, row by row, on {@code c} inside the transaction its caller has open
     * (autocommit off), and leaves that transaction open: nothing is committed, rolled back or closed here. For a
     * dry run against a scratch copy of the schema, which the caller then rolls back. After a
     * {@link SeedRowException} the transaction is aborted; a savepoint taken before this call makes it usable again.
     * pgjdbc caches enum type OIDs by name per connection: when the transaction created the enum types (a scratch
     * schema), close the connection after rolling back rather than bind those types on it again.
     */
    public SeedReport applyWithin(Connection c) throws SQLException {
        try {
            return ExposedTransactions.within(c, () -> each(TableSeeder::apply));
        } catch (TableSeeder.RowFailed e) {
            throw e.failure;
        }
    }

    private SeedReport each(BiFunction<SeedTable, List<SeedRow>, SeedReport.TableReport> step) {
        List<SeedReport.TableReport> reports = new ArrayList<>();
        rows.forEach((table, tableRows) -> reports.add(step.apply(table, tableRows)));
        return new SeedReport(reports);
    }

    private interface Opener {
        /** The file's content, or null if there is no such file. */
        InputStream open(String file);
    }

    private static Seeds read(Opener opener, String where) {
        Map<SeedTable, List<SeedRow>> rows = new LinkedHashMap<>();
        for (SeedTable table : SeedTable.ALL) {
            InputStream in = opener.open(table.fileName());
            if (in == null) throw new SeedValidationException(table.fileName() + ": not found in " + where);
            rows.put(table, SeedFileReader.read(table, in));
        }
        return new Seeds(rows);
    }
}
