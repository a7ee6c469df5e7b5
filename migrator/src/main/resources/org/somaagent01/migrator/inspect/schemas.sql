SELECT n.nspname, ARRAY(SELECT e.extname::text FROM pg_extension e
                        WHERE e.extnamespace = n.oid AND e.extname <> 'plpgsql' ORDER BY e.extname),
       ARRAY(SELECT e.extversion FROM pg_extension e
             WHERE e.extnamespace = n.oid AND e.extname <> 'plpgsql' ORDER BY e.extname)
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
  AND n.nspname NOT LIKE 'pg_toast_temp%' AND n.nspname <> ?
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid
                  AND d.deptype = 'e')
ORDER BY 1
