-- every comment of the schema: kind, object, column (of a table, else null), text; a table's and its columns' go into
-- their models, the others into the schema's comments
SELECT CASE cl.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
            WHEN 'S' THEN 'SEQUENCE' ELSE 'INDEX' END,
       cl.relname::text, NULL::text, d.description
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = cl.oid AND d.objsubid = 0
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = cl.oid AND e.deptype = 'e')
UNION ALL
SELECT CASE WHEN cl.relkind IN ('r', 'p') THEN 'TABLE COLUMN' ELSE 'COLUMN' END,
       CASE WHEN cl.relkind IN ('r', 'p') THEN cl.relname::text ELSE cl.relname || '.' || a.attname END,
       CASE WHEN cl.relkind IN ('r', 'p') THEN a.attname::text END, d.description
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = cl.oid AND d.objsubid = a.attnum
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p', 'v', 'm')
UNION ALL
SELECT 'CONSTRAINT', cl.relname || '.' || co.conname, NULL, d.description
FROM pg_constraint co
JOIN pg_class cl ON cl.oid = co.conrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = co.oid
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p')
