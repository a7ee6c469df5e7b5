-- every table of the schema, and every column with its number and collation: constraint and index keys are named
-- from these (inherited columns, extension members' tables and materialized views too, which only name keys here);
-- comments come with the other objects' (object-comments.sql), which reads only the objects that have one
SELECT cl.relname, a.attname,
       format_type(a.atttypid, a.atttypmod), a.attnotnull,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, 0) ELSE pg_get_expr(d.adbin, d.adrelid) END,
       a.attidentity, a.attgenerated, coll.collname,
       q.seqstart, q.seqincrement, q.seqmin, q.seqmax, q.seqcache, q.seqcycle,
       a.attnum, a.attislocal, ext.objid IS NOT NULL OR cl.relkind = 'm', a.attcollation
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_type ty ON ty.oid = a.atttypid
-- an identity column's own sequence
LEFT JOIN pg_depend sd ON sd.refclassid = 'pg_class'::regclass AND sd.refobjid = cl.oid AND sd.refobjsubid = a.attnum
     AND sd.classid = 'pg_class'::regclass AND sd.deptype = 'i' AND a.attidentity <> ''
LEFT JOIN pg_sequence q ON q.seqrelid = sd.objid
LEFT JOIN pg_collation coll ON coll.oid = a.attcollation AND a.attcollation <> ty.typcollation
LEFT JOIN (SELECT DISTINCT objid FROM pg_depend WHERE classid = 'pg_class'::regclass AND deptype = 'e') ext
     ON ext.objid = cl.oid
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p', 'm')
ORDER BY cl.relname, a.attnum
