package org.somaagent01.migrator.inspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects and options of a live schema that {@link org.somaagent01.migrator.model.SchemaModel} cannot express:
 * collations, options of serial and identity sequences, invalid indexes (left by a failed CONCURRENTLY build: not the index they
 * were meant to be), a constraint trigger's FROM table, aggregates and window functions, routines with an SQL-standard
 * body ({@code BEGIN ATOMIC}) or in C, routine privileges, privileges, and other schemas holding objects. One query.
 *
 * <p>Comparisons report these instead of staying silent: two schemas the model calls equal may still differ here,
 * so each object is listed with PostgreSQL's own definition, and two databases are compared on those.
 */
public final class UnmodelledObjects {
    /** One object or option the model does not carry: e.g. {@code view}, {@code v_active}, its definition. */
    public record Unmodelled(String kind, String name, String definition) {
        public String describe() {
            String d = definition == null ? "" : definition.replaceAll("\\s+", " ").strip();
            return kind + " " + name + (d.isEmpty() ? "" : ": " + (d.length() > 120 ? d.substring(0, 120) + "…" : d));
        }
    }

    // comments are joined from pg_description (obj_description() and col_description() are a query per row)
    private static final String QUERY = """
            WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = ?),
            own AS (SELECT c.* FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns)
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'))
            SELECT 'foreign table', relname, NULL FROM own WHERE relkind = 'f'
            UNION ALL SELECT 'sequence option', s.relname, format_type(q.seqtypid, NULL) || ' START ' || q.seqstart || ' INCREMENT ' || q.seqincrement || ' MINVALUE '
                || q.seqmin || ' MAXVALUE ' || q.seqmax || ' CACHE ' || q.seqcache || CASE WHEN q.seqcycle THEN ' CYCLE' ELSE '' END
                FROM pg_sequence q JOIN own s ON s.oid = q.seqrelid
                JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass
                     AND d.deptype IN ('a', 'i')
                JOIN pg_class ot ON ot.oid = d.refobjid JOIN pg_attribute oa ON oa.attrelid = ot.oid AND oa.attnum = d.refobjsubid
                WHERE (d.deptype = 'i' OR s.relname = ot.relname || '_' || oa.attname || '_seq')
                  AND (q.seqstart <> 1 OR q.seqincrement <> 1 OR q.seqmin <> 1 OR q.seqcache <> 1 OR q.seqcycle
                       OR q.seqmax <> CASE format_type(q.seqtypid, NULL) WHEN 'smallint' THEN 32767 WHEN 'integer' THEN 2147483647
                                      ELSE 9223372036854775807 END)
            UNION ALL SELECT 'privileges', relname, relacl::text FROM own WHERE relacl IS NOT NULL AND relkind IN ('r', 'p', 'v', 'm', 'S')
            UNION ALL SELECT 'column privileges', c.relname || '.' || a.attname, a.attacl::text FROM pg_attribute a JOIN own c ON c.oid = a.attrelid
                WHERE a.attacl IS NOT NULL AND a.attnum > 0
            UNION ALL SELECT 'invalid index', ic.relname, pg_get_indexdef(i.indexrelid)
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN own t ON t.oid = i.indrelid
                WHERE NOT i.indisvalid
            UNION ALL SELECT 'trigger option', c.relname || '.' || tg.tgname, pg_get_triggerdef(tg.oid)
                FROM pg_trigger tg JOIN own c ON c.oid = tg.tgrelid
                WHERE NOT tg.tgisinternal AND tg.tgconstrrelid <> 0
            UNION ALL SELECT CASE WHEN p.prokind IN ('a', 'w') THEN 'routine' ELSE 'routine body' END,
                p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
                CASE WHEN p.prokind IN ('a', 'w') THEN p.prokind::text ELSE pg_get_functiondef(p.oid) END
                FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                  AND (p.prokind IN ('a', 'w') OR p.prosqlbody IS NOT NULL
                       OR p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('c', 'internal')))
            UNION ALL SELECT 'routine privileges', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proacl::text
                FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns) AND p.proacl IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
            UNION ALL SELECT 'collation', co.collname, (to_jsonb(co) - 'oid' - 'collnamespace' - 'collowner' - 'collversion')::text
                FROM pg_collation co WHERE co.collnamespace IN (SELECT oid FROM ns)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_collation'::regclass AND d.objid = co.oid AND d.deptype = 'e')
            UNION ALL SELECT 'rule', c.relname || '.' || r.rulename, pg_get_ruledef(r.oid)
                FROM pg_rewrite r JOIN own c ON c.oid = r.ev_class WHERE c.relkind IN ('r', 'p')
            UNION ALL SELECT 'schema privileges', nspname, nspacl::text FROM pg_namespace WHERE oid IN (SELECT oid FROM ns)
                AND nspacl IS NOT NULL AND nspacl <> acldefault('n', nspowner)
                AND nspacl::text <> '{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}'
            UNION ALL SELECT 'other schema', n.nspname, count(c.oid)::text || ' relations' FROM pg_namespace n
                JOIN pg_class c ON c.relnamespace = n.oid
                WHERE n.nspname NOT IN (?, ?, 'pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
                  AND n.nspname NOT LIKE 'pg_toast_temp%'
                GROUP BY n.nspname
            ORDER BY 1, 2""";

    private final String schema;
    private final String historySchema;
    private boolean privileges;

    public UnmodelledObjects(String schema, String historySchema) {
        this.schema = schema;
        this.historySchema = historySchema;
    }

    /** Kinds the model carries with --with-privileges, and then not reported here. */
    public static final java.util.Set<String> PRIVILEGE_KINDS = java.util.Set.of("privileges", "column privileges", "schema privileges");

    /** With privileges modelled (--with-privileges), they are no longer reported here. */
    public UnmodelledObjects withPrivileges(boolean on) {
        UnmodelledObjects out = new UnmodelledObjects(schema, historySchema);
        out.privileges = on;
        return out;
    }

    public List<Unmodelled> find(Connection c) throws SQLException {
        List<Unmodelled> all = findAll(c);
        return privileges ? all.stream().filter(u -> !PRIVILEGE_KINDS.contains(u.kind())).toList() : all;
    }

    private List<Unmodelled> findAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, historySchema);
            List<Unmodelled> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Unmodelled(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        }
    }

    /**
     * The unmodelled objects of each of {@code schemas}, each name qualified by its schema ({@code app.v_active}).
     * Other schemas are not reported: the schemas compared were chosen ({@code --schema}, {@code --exclude-schema}).
     * One query per schema.
     */
    public static List<Unmodelled> findIn(Connection c, List<String> schemas, String historySchema, boolean privileges)
            throws SQLException {
        List<Unmodelled> out = new ArrayList<>();
        for (String s : schemas) {
            for (Unmodelled u : new UnmodelledObjects(s, historySchema).withPrivileges(privileges).find(c)) {
                if (!u.kind().equals("other schema")) out.add(new Unmodelled(u.kind(), s + "." + u.name(), u.definition()));
            }
        }
        return out;
    }

    /**
     * Lines for a comparison of two sides' unmodelled objects: what only one side has, and what both have with
     * different definitions. Identical objects on both sides give no line.
     */
    public static List<String> compare(List<Unmodelled> expected, List<Unmodelled> live) {
        List<String> out = new ArrayList<>();
        for (Unmodelled l : live) {
            Unmodelled e = find(expected, l);
            if (e == null) out.add(l.describe() + " (the model cannot express it: not compared)");
            else if (!java.util.Objects.equals(e.definition(), l.definition())) {
                out.add(l.kind() + " " + l.name() + " differs (outside the model, compared by PostgreSQL's definition)");
            }
        }
        for (Unmodelled e : expected) {
            if (find(live, e) == null) out.add(e.kind() + " " + e.name() + " is missing (outside the model: not compared)");
        }
        return out;
    }

    private static Unmodelled find(List<Unmodelled> in, Unmodelled like) {
        return in.stream().filter(u -> u.kind().equals(like.kind()) && u.name().equals(like.name())).findFirst().orElse(null);
    }
}
