package org.somaagent01.migrator.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of {@code pg_get_triggerdef}'s text the catalog does not give as text: the {@code WHEN} condition
 * (stored as a node tree that only this printer renders with {@code OLD}/{@code NEW}) and the function's arguments.
 * The printer's form is fixed: {@code … FOR EACH ROW|STATEMENT [WHEN (condition)] EXECUTE FUNCTION f('a', …)}.
 */
record TriggerDefinition(String when, List<String> arguments) {
    static TriggerDefinition parse(String definition) {
        int each = definition.indexOf(" FOR EACH ROW ");
        int at = each >= 0 ? each + " FOR EACH ROW ".length()
                : definition.indexOf(" FOR EACH STATEMENT ") + " FOR EACH STATEMENT ".length();
        String when = null;
        if (definition.startsWith("WHEN (", at)) {
            int open = at + "WHEN ".length();
            int close = matching(definition, open);
            when = definition.substring(open + 1, close);
            at = close + 1;
        }
        int call = definition.indexOf("EXECUTE FUNCTION ", at) + "EXECUTE FUNCTION ".length();
        int paren = call;
        for (boolean quoted = false; quoted || definition.charAt(paren) != '('; paren++) {
            if (definition.charAt(paren) == '"') quoted = !quoted;
        }
        return new TriggerDefinition(when, literals(definition, paren + 1));
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping string literals and quoted names. */
    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '"') {
                i = s.indexOf(ch, i + 1);
                while (i + 1 < s.length() && s.charAt(i + 1) == ch) i = s.indexOf(ch, i + 2);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced trigger condition: " + s);
    }

    /** {@code 'a', 'it''s')}: the literals up to the closing parenthesis. */
    private static List<String> literals(String s, int from) {
        List<String> out = new ArrayList<>();
        int i = from;
        while (s.charAt(i) != ')') {
            if (s.charAt(i) == '\'') {
                StringBuilder value = new StringBuilder();
                for (i++; ; i++) {
                    if (s.charAt(i) == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(s.charAt(i));
                    }
                }
                out.add(value.toString());
            }
            i++;
        }
        return out;
    }
}
