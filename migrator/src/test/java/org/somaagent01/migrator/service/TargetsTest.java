package org.somaagent01.migrator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void oneUrlPerLineWithCommentsAndBlankLinesSkipped() {
        String file = "# tenants of region eu\n"
                + "postgresql://app:pw@db1:5432/tenant_a\n"
                + "\n"
                + "   # indented comment\n"
                + "  postgresql://app:p%23w@db2/tenant_b   # a trailing comment\r\n"
                + "postgresql://app:p#w@db3/tenant_c\n";
        assertEquals(List.of(new Targets.Line(2, "postgresql://app:pw@db1:5432/tenant_a"),
                        new Targets.Line(5, "postgresql://app:p%23w@db2/tenant_b"),
                        new Targets.Line(6, "postgresql://app:p#w@db3/tenant_c")),
                Targets.parse(file));
    }

    @Test
    void anEmptyFileHasNoTargets() {
        assertEquals(List.of(), Targets.parse(""));
        assertEquals(List.of(), Targets.parse("# nothing yet\n\n"));
    }
}
