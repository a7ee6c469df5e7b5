package org.somaagent01.migrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Change;

/** Every kind of change has its renderer: a new kind without one fails here, not in a user's plan. */
class RendererKindsTest {
    @Test
    void everyKindOfChangeIsRendered() {
        assertEquals(Set.of(Change.class.getPermittedSubclasses()), SqlRenderer.kinds());
    }
}
