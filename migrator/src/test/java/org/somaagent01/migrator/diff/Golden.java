package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.somaagent01.migrator.plan.SqlRenderer;

/** Golden tests of the renderer: a change's up SQL, its inverse's (the down), and that the inverse inverts back. */
final class Golden {
    private Golden() {}

    static void renders(Change change, List<String> up, List<String> down) {
        assertEquals(up, SqlRenderer.render(change), "up of " + change);
        assertEquals(down, SqlRenderer.render(change.inverse()), "down of " + change);
        assertEquals(change, change.inverse().inverse(), "the inverse of the inverse of " + change);
    }

    static void renders(Change change, String up, String down) {
        renders(change, List.of(up), List.of(down));
    }
}
