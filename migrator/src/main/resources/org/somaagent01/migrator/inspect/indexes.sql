SELECT tc.relname, ic.relname, i.indisunique, am.amname, ia.attnum,
       CASE WHEN i.indkey[ia.attnum - 1] = 0 THEN '(' || pg_get_indexdef(i.indexrelid, ia.attnum, true) || ')' END,
       CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname::text END,
       (i.indoption[ia.attnum - 1] & 1) = 1,
       ic.reloptions, pg_get_expr(i.indpred, i.indrelid),
       ia.attnum > i.indnkeyatts,
       CASE WHEN (i.indoption[ia.attnum - 1] & 2) = 2 THEN 'FIRST' ELSE 'LAST' END,
       coll.collname,
       i.indnullsnotdistinct, i.indkey[ia.attnum - 1], i.indcollation[ia.attnum - 1], ty.typcollation
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace n ON n.oid = tc.relnamespace
JOIN pg_am am ON am.oid = ic.relam
JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum > 0
LEFT JOIN pg_opclass oc ON oc.oid = i.indclass[ia.attnum - 1]
LEFT JOIN pg_type ty ON ty.oid = ia.atttypid
LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[ia.attnum - 1]
WHERE n.nspname = ? AND i.indisvalid AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
ORDER BY tc.relname, ic.relname, ia.attnum
