WITH ns AS (SELECT oid, nspname, nspowner, nspacl FROM pg_namespace WHERE nspname = ?),
objects AS (
    SELECT CASE WHEN cl.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, cl.relname::text AS object,
           cl.relacl AS acl, acldefault(CASE WHEN cl.relkind = 'S' THEN 's' ELSE 'r' END::"char", cl.relowner) AS dflt
    FROM pg_class cl JOIN ns ON ns.oid = cl.relnamespace
    WHERE cl.relkind IN ('r', 'p', 'v', 'm', 'S') AND cl.relacl IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = cl.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'COLUMN', cl.relname || '.' || a.attname, a.attacl, NULL::aclitem[]
    FROM pg_attribute a JOIN pg_class cl ON cl.oid = a.attrelid JOIN ns ON ns.oid = cl.relnamespace
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT 'FUNCTION', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proacl,
           acldefault('f'::"char", p.proowner)
    FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
    WHERE p.proacl IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'SCHEMA', nspname::text, nspacl, acldefault('n'::"char", nspowner) FROM ns
    WHERE nspacl IS NOT NULL AND nspacl::text <> '{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}')
SELECT DISTINCT o.kind, o.object, CASE WHEN e.grantee = 0 THEN 'public' ELSE pg_get_userbyid(e.grantee)::text END,
       e.privilege_type, e.is_grantable, false
FROM objects o CROSS JOIN LATERAL aclexplode(o.acl) e
WHERE NOT EXISTS (SELECT 1 FROM aclexplode(o.dflt) d WHERE d.grantee = e.grantee
                  AND d.privilege_type = e.privilege_type AND d.is_grantable = e.is_grantable)
UNION
-- default privileges taken away (REVOKE EXECUTE ... FROM PUBLIC): in the default, not in the ACL
SELECT DISTINCT o.kind, o.object, CASE WHEN d.grantee = 0 THEN 'public' ELSE pg_get_userbyid(d.grantee)::text END,
       d.privilege_type, false, true
FROM objects o CROSS JOIN LATERAL aclexplode(o.dflt) d
WHERE NOT EXISTS (SELECT 1 FROM aclexplode(o.acl) e WHERE e.grantee = d.grantee AND e.privilege_type = d.privilege_type)
