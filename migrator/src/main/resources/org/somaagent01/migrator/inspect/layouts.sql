SELECT cl.relname, pg_get_partkeydef(cl.oid), par.relname,
       CASE WHEN cl.relispartition THEN pg_get_expr(cl.relpartbound, cl.oid) END, cl.relpersistence = 'u',
       ARRAY(SELECT p.relname::text FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent
             WHERE i.inhrelid = cl.oid AND NOT cl.relispartition ORDER BY i.inhseqno)
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
LEFT JOIN pg_inherits pi ON pi.inhrelid = cl.oid AND cl.relispartition
LEFT JOIN pg_class par ON par.oid = pi.inhparent
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p')
  AND (cl.relkind = 'p' OR cl.relpersistence = 'u' OR EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = cl.oid))
