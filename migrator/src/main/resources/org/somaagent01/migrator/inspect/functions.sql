SELECT p.proname, pg_get_function_result(p.oid), l.lanname, p.prosrc, pg_get_function_arguments(p.oid),
       pg_get_function_identity_arguments(p.oid), p.prokind = 'p',
       CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' END, p.proisstrict,
       p.prosecdef, p.proleakproof,
       CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED' END,
       p.procost::text, p.prorows::text, p.proconfig
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE n.nspname = ? AND p.prokind IN ('f', 'p') AND p.prosqlbody IS NULL AND l.lanname NOT IN ('c', 'internal')
  AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = p.oid AND dep.deptype = 'e')
