package org.somaagent01.migrator.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The WHEN condition and arguments read back from {@code pg_get_triggerdef}'s text, without a database. */
class TriggerDefinitionTest {
    @Test
    void aPlainTriggerHasNeitherConditionNorArguments() {
        TriggerDefinition d = TriggerDefinition.parse("CREATE TRIGGER t BEFORE INSERT ON public.x FOR EACH ROW EXECUTE FUNCTION f()");
        assertNull(d.when());
        assertEquals(List.of(), d.arguments());
    }

    @Test
    void parenthesesAndQuotesInsideLiteralsDoNotEndTheConditionOrTheArguments() {
        TriggerDefinition d = TriggerDefinition.parse("CREATE TRIGGER t BEFORE UPDATE OF a ON public.x FOR EACH ROW"
                + " WHEN (((new.a)::text <> ')''(x'::text)) EXECUTE FUNCTION \"odd(name\"('a)b', 'it''s', '')");
        assertEquals("((new.a)::text <> ')''(x'::text)", d.when());
        assertEquals(List.of("a)b", "it's", ""), d.arguments());
    }

    @Test
    void statementTriggersAndConstraintTriggersParseToo() {
        assertEquals(List.of("s"), TriggerDefinition.parse("CREATE TRIGGER t AFTER UPDATE ON public.x REFERENCING OLD TABLE AS o"
                + " FOR EACH STATEMENT EXECUTE FUNCTION f('s')").arguments());
        TriggerDefinition c = TriggerDefinition.parse("CREATE CONSTRAINT TRIGGER t AFTER INSERT ON public.x DEFERRABLE INITIALLY"
                + " DEFERRED FOR EACH ROW WHEN ((new.id > 0)) EXECUTE FUNCTION f()");
        assertEquals("(new.id > 0)", c.when());
    }
}
