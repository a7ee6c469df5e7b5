package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.sql.Sql;

/**
 * The routines of the other schemas of a database diff that are dropped or created (not replaced in place), as one
 * schema's expressions call them: qualified ({@code lib.next_code()}), as PostgreSQL prints a routine of a schema
 * off the search path. What calls one goes around it as around a routine of its own schema.
 */
record RoutinesElsewhere(List<Moved> moved) {
    static final RoutinesElsewhere NONE = new RoutinesElsewhere(List.of());

    /** A routine of {@code schema} that goes ({@code gone}) or comes. */
    record Moved(String schema, FunctionModel function, boolean gone) {
        /** Its name as a call elsewhere prints it. */
        String callName() {
            return Sql.ident(schema) + "." + Sql.ident(function.name());
        }

        /** Its key, in its own schema's space once {@link DatabaseDiffer} qualifies the keys. */
        String key() {
            return Dependencies.function(Sql.ident(schema) + "." + function.callSignature());
        }
    }

    RoutinesElsewhere {
        moved = List.copyOf(moved);
    }

    /** The moved routines of {@code schema} between its two sides. */
    static List<Moved> of(String schema, SchemaModel from, SchemaModel to) {
        List<Moved> out = new ArrayList<>();
        for (FunctionModel f : RoutineDiffer.going(from, to)) out.add(new Moved(schema, f, true));
        for (FunctionModel f : RoutineDiffer.coming(from, to)) out.add(new Moved(schema, f, false));
        return out;
    }

    List<String> goneNames() {
        List<String> out = new ArrayList<>();
        for (Moved m : moved) if (m.gone()) out.add(m.callName());
        return out;
    }
}
