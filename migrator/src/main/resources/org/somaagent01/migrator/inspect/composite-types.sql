SELECT t.typname, a.attname, format_type(a.atttypid, a.atttypmod),
       CASE WHEN a.attcollation <> at.typcollation THEN coll.collname::text END
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class r ON r.oid = t.typrelid AND r.relkind = 'c'
LEFT JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_type at ON at.oid = a.atttypid
LEFT JOIN pg_collation coll ON coll.oid = a.attcollation
WHERE n.nspname = ? AND t.typtype = 'c'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid
                  AND e.deptype = 'e')
ORDER BY t.typname, a.attnum
