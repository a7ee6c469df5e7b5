package org.somaagent01.migrator.store;

import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * One numbered migration: its up and down SQL, the checksum of the up script (recorded in the history), the snapshot
 * of the schema it leads to, and both scripts read into segments ({@link ScriptBody}). Down segment {@code i}
 * reverts up segment {@code n + 1 - i}, so a partly applied version can be reverted exactly.
 *
 * <p>The segments are read on first use: an up-to-date {@code apply} needs only the checksums, and reading every
 * script's statements would be most of its start-up. Whatever runs a script reads it first ({@link #validate()}),
 * so a script that cannot run as written still fails before any DDL.
 */
public final class MigrationScript {
    private final int version;
    private final String name;
    private final String upSql;
    private final String downSql;
    private final String checksum;
    private final String snapshotJson;
    private ScriptBody up;
    private ScriptBody down;

    private MigrationScript(int version, String name, String upSql, String downSql, String snapshotJson) {
        this.version = version;
        this.name = name;
        this.upSql = upSql;
        this.downSql = downSql;
        this.checksum = ScriptFiles.sha256(upSql);
        this.snapshotJson = snapshotJson;
    }

    public static MigrationScript of(int version, String name, String upSql, String downSql, String snapshotJson) {
        return new MigrationScript(version, name, upSql, downSql, snapshotJson);
    }

    public int version() { return version; }
    public String name() { return name; }
    public String upSql() { return upSql; }
    public String downSql() { return downSql; }
    public String checksum() { return checksum; }
    public String snapshotJson() { return snapshotJson; }

    public synchronized ScriptBody up() {
        if (up == null) validate();
        return up;
    }

    public synchronized ScriptBody down() {
        if (down == null) validate();
        return down;
    }

    /** Reads both scripts; fails (exit 6) naming file and line when their segments are not runnable as written. */
    public synchronized MigrationScript validate() {
        if (up != null) return this;
        String stem = id();
        ScriptBody u = ScriptBody.parse(stem + ScriptFiles.UP, upSql);
        ScriptBody d = ScriptBody.parse(stem + ScriptFiles.DOWN, downSql);
        if (!d.segments().isEmpty() && d.segments().size() != u.segments().size()) {
            throw new MigratorException(ExitCode.INTEGRITY, stem + ScriptFiles.DOWN + " has " + d.segments().size()
                    + " segments but its up script has " + u.segments().size() + ": each up segment needs the down "
                    + "segment that reverts it, in reverse order, so a partly applied version can be reverted");
        }
        up = u;
        down = d;
        return this;
    }

    /** {@code 0001_initial_schema}: the stem of its files. */
    public String id() {
        return ScriptFiles.stem(version, name);
    }

    public int segmentCount() {
        return up().segments().size();
    }

    @Override
    public String toString() { return id(); }
}
