SELECT t.typname, format_type(t.typbasetype, t.typtypmod),
       CASE WHEN t.typcollation <> bt.typcollation THEN coll.collname::text END,
       pg_get_expr(t.typdefaultbin, 0), t.typnotnull, co.conname, pg_get_expr(co.conbin, 0),
       NOT co.convalidated
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation coll ON coll.oid = t.typcollation
LEFT JOIN pg_constraint co ON co.contypid = t.oid AND co.contype = 'c'
WHERE n.nspname = ? AND t.typtype = 'd'
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid
                  AND e.deptype = 'e')
ORDER BY t.typname, co.conname
