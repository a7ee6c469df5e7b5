package org.somaagent01.migrator.history;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A version some of whose segments are applied: the first {@code segmentsDone} of {@code segmentsTotal}. It exists
 * after a failure in a later segment, up or down; the next {@code apply} resumes after the applied segments (once
 * their checksums are found unchanged) and {@code down} reverts exactly them.
 *
 * @param segmentChecksums checksums of segments 1..segmentsDone as they were applied
 * @param inFlight         a segment outside a transaction that was started and whose outcome is not known (the
 *                         process died during it); it is run again, and such statements are written to be rerunnable
 * @param direction        {@code up} or {@code down}: what was running when it stopped
 * @param lastError        the error that stopped it, when it could be recorded
 */
public record PartialVersion(int version, String name, String checksum, int segmentsDone, int segmentsTotal,
                             List<String> segmentChecksums, Integer inFlight, String direction, String lastError,
                             OffsetDateTime updatedAt) {
    public PartialVersion {
        segmentChecksums = List.copyOf(segmentChecksums);
    }

    /** Up segments certainly applied: an in-flight segment is run again by apply (its statements are rerunnable). */
    public int applyFrom() {
        return inFlight == null ? segmentsDone : Math.min(segmentsDone, inFlight - 1);
    }

    /** Up segments that may be applied: down reverts an in-flight segment too. */
    public int revertFrom() {
        return inFlight == null ? segmentsDone : Math.max(segmentsDone, inFlight);
    }

    public String describe() {
        return String.format("%04d_%s: %d of %d segments applied", version, name, segmentsDone, segmentsTotal)
                + (inFlight == null ? "" : ", segment " + inFlight + " (outside a transaction) started, outcome unknown")
                + (lastError == null ? "" : "; stopped " + ("down".equals(direction) ? "while reverting" : "while applying")
                + ": " + lastError);
    }
}
