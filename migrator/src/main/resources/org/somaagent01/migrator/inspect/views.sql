SELECT v.relname, v.relkind = 'm', pg_get_viewdef(v.oid), v.reloptions, dep.reads
FROM pg_class v
JOIN pg_namespace n ON n.oid = v.relnamespace
LEFT JOIN (SELECT rw.ev_class, array_agg(DISTINCT r.relname::text
                  || CASE WHEN d.refobjsubid > 0 THEN '.' || a.attname::text ELSE '' END) AS reads
           FROM pg_rewrite rw
           JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = rw.oid
                AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> rw.ev_class
           JOIN pg_class r ON r.oid = d.refobjid
           LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = d.refobjsubid
           WHERE r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)
           GROUP BY rw.ev_class) dep ON dep.ev_class = v.oid
WHERE n.nspname = ? AND v.relkind IN ('v', 'm')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = v.oid
                  AND e.deptype = 'e')
