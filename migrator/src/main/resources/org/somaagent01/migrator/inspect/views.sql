SELECT v.relname, v.relkind = 'm', pg_get_viewdef(v.oid), v.reloptions, dep.reads
FROM pg_class v
JOIN pg_namespace n ON n.oid = v.relnamespace
-- what each view reads: t or t.c in its own schema, schema:t or schema:t.c in another user schema
LEFT JOIN (SELECT rw.ev_class, array_agg(DISTINCT CASE WHEN rn.nspname = ? THEN '' ELSE rn.nspname::text || ':' END
                  || r.relname::text || CASE WHEN d.refobjsubid > 0 THEN '.' || a.attname::text ELSE '' END) AS reads
           FROM pg_rewrite rw
           JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rw.ev_class
           JOIN pg_class r ON r.oid = d.refobjid
           JOIN pg_namespace rn ON rn.oid = r.relnamespace
           LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.refobjsubid
           WHERE rn.nspname NOT IN ('pg_catalog', 'information_schema')
           GROUP BY rw.ev_class) dep ON dep.ev_class = v.oid
WHERE n.nspname = ? AND v.relkind IN ('v', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = v.oid
                  AND e.deptype = 'e')
