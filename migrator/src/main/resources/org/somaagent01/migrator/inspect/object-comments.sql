SELECT CASE cl.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'INDEX' END,
       cl.relname::text, d.description
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = cl.oid AND d.objsubid = 0
WHERE n.nspname = ? AND cl.relkind IN ('v', 'm', 'S', 'i', 'I')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = cl.oid AND e.deptype = 'e')
UNION ALL
SELECT 'COLUMN', cl.relname || '.' || a.attname, d.description
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = cl.oid AND d.objsubid = a.attnum
WHERE n.nspname = ? AND cl.relkind IN ('v', 'm')
UNION ALL
SELECT 'CONSTRAINT', cl.relname || '.' || co.conname, d.description
FROM pg_constraint co
JOIN pg_class cl ON cl.oid = co.conrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = co.oid
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p')
