SELECT tc.relname, ic.relname, i.indisunique, am.amname, ia.attnum,
       CASE WHEN i.indkey[ia.attnum - 1] = 0 THEN '(' || pg_get_indexdef(i.indexrelid, ia.attnum, true) || ')'
            ELSE ta.attname::text END,
       CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END,
       (i.indoption[ia.attnum - 1] & 1) = 1,
       ic.reloptions, pg_get_expr(i.indpred, i.indrelid),
       ia.attnum > i.indnkeyatts,
       CASE WHEN (i.indoption[ia.attnum - 1] & 2) = 2 THEN 'FIRST' ELSE 'LAST' END,
       CASE WHEN i.indcollation[ia.attnum - 1] <> 0
                 AND i.indcollation[ia.attnum - 1] <> coalesce(ta.attcollation, ty.typcollation)
            THEN coll.collname::text END,
       i.indnullsnotdistinct
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace n ON n.oid = tc.relnamespace
JOIN pg_am am ON am.oid = ic.relam
JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum > 0
LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[ia.attnum - 1]
LEFT JOIN pg_attribute ta ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[ia.attnum - 1]
LEFT JOIN pg_type ty ON ty.oid = ia.atttypid
LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[ia.attnum - 1]
WHERE n.nspname = ? AND i.indisvalid AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
ORDER BY tc.relname, ic.relname, ia.attnum
