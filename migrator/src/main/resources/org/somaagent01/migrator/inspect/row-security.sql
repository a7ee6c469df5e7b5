SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity, p.polname, p.polpermissive, p.polcmd,
       ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END FROM unnest(p.polroles) r),
       pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
FROM pg_class cl
JOIN pg_namespace n ON n.oid = cl.relnamespace
LEFT JOIN pg_policy p ON p.polrelid = cl.oid
WHERE n.nspname = ? AND cl.relkind IN ('r', 'p')
  AND (cl.relrowsecurity OR cl.relforcerowsecurity OR p.oid IS NOT NULL)
