package org.somaagent01.migrator.runtime;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
final class Poll {
    private Poll() {}

    /** Polls until {@code value} returns something {@code done} accepts; fails with the last value at the deadline. */
    static <T> T until(Duration deadline, Supplier<T> value, java.util.function.Predicate<T> done, String what)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            T v = value.get();
            if (done.test(v)) return v;
            if (System.nanoTime() > end) throw new AssertionError("gave up waiting for " + what + "; last seen: " + v);
            Thread.sleep(100);
        }
    }
}
