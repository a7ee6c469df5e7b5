package org.somaagent01.migrator.store;

import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * One numbered migration: its up and down SQL read into segments ({@link ScriptBody}), the checksum of the up
 * script (recorded in the history) and the snapshot of the schema it leads to (null when the file is missing).
 * Down segment {@code i} reverts up segment {@code n + 1 - i}, so a partly applied version can be reverted exactly.
 */
public record MigrationScript(int version, String name, String upSql, String downSql, String checksum,
                              String snapshotJson, ScriptBody up, ScriptBody down) {

    /** Reads both scripts; fails (exit 6) naming file and line when a script's segments are not runnable as written. */
    public static MigrationScript of(int version, String name, String upSql, String downSql, String snapshotJson) {
        String stem = ScriptFiles.stem(version, name);
        ScriptBody up = ScriptBody.parse(stem + ScriptFiles.UP, upSql);
        ScriptBody down = ScriptBody.parse(stem + ScriptFiles.DOWN, downSql);
        if (!down.segments().isEmpty() && down.segments().size() != up.segments().size()) {
            throw new MigratorException(ExitCode.INTEGRITY, stem + ScriptFiles.DOWN + " has " + down.segments().size()
                    + " segments but its up script has " + up.segments().size() + ": each up segment needs the down "
                    + "segment that reverts it, in reverse order, so a partly applied version can be reverted");
        }
        return new MigrationScript(version, name, upSql, downSql, ScriptFiles.sha256(upSql), snapshotJson, up, down);
    }

    /** {@code 0001_initial_schema}: the stem of its files. */
    public String id() {
        return ScriptFiles.stem(version, name);
    }

    public int segmentCount() {
        return up.segments().size();
    }
}
