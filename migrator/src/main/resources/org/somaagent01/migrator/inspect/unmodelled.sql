WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = ?),
-- only the columns read below: the CTE is materialized, one row per relation of the schema
own AS (SELECT c.oid, c.relname, c.relkind, c.relacl FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'))
SELECT 'foreign table', relname, NULL FROM own WHERE relkind = 'f'
UNION ALL SELECT 'privileges', relname, relacl::text FROM own WHERE relacl IS NOT NULL AND relkind IN ('r', 'p', 'v', 'm', 'S')
UNION ALL SELECT 'column privileges', c.relname || '.' || a.attname, a.attacl::text FROM pg_attribute a JOIN own c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0
UNION ALL SELECT 'invalid index', ic.relname, pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN own t ON t.oid = i.indrelid
    WHERE NOT i.indisvalid
UNION ALL SELECT 'trigger option', c.relname || '.' || tg.tgname, pg_get_triggerdef(tg.oid)
    FROM pg_trigger tg JOIN own c ON c.oid = tg.tgrelid
    WHERE NOT tg.tgisinternal AND tg.tgconstrrelid <> 0
UNION ALL SELECT CASE WHEN p.prokind IN ('a', 'w') THEN 'routine' ELSE 'routine body' END,
    p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
    CASE WHEN p.prokind IN ('a', 'w') THEN p.prokind::text ELSE pg_get_functiondef(p.oid) END
    FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
      AND (p.prokind IN ('a', 'w') OR p.prosqlbody IS NOT NULL
           OR p.prolang IN (SELECT oid FROM pg_language WHERE lanname IN ('c', 'internal')))
UNION ALL SELECT 'routine privileges', p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.proacl::text
    FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns) AND p.proacl IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
UNION ALL SELECT 'rule', c.relname || '.' || r.rulename, pg_get_ruledef(r.oid)
    FROM pg_rewrite r JOIN own c ON c.oid = r.ev_class WHERE c.relkind IN ('r', 'p')
UNION ALL SELECT 'schema privileges', nspname, nspacl::text FROM pg_namespace WHERE oid IN (SELECT oid FROM ns)
    AND nspacl IS NOT NULL AND nspacl <> acldefault('n', nspowner)
    AND nspacl::text <> '{pg_database_owner=UC/pg_database_owner,=U/pg_database_owner}'
UNION ALL SELECT 'other schema', n.nspname, count(c.oid)::text || ' relations' FROM pg_namespace n
    JOIN pg_class c ON c.relnamespace = n.oid
    WHERE n.nspname NOT IN (?, ?, 'pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
      AND n.nspname NOT LIKE 'pg_toast_temp%'
    GROUP BY n.nspname
ORDER BY 1, 2
