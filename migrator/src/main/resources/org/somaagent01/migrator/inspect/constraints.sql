-- key columns come as numbers, named from the columns query's rows; only a foreign key to a table of another
-- schema has its referenced columns named here
WITH other_schema_keys AS (
    SELECT co.oid, array_agg(a.attname::text ORDER BY u.ord) AS names
    FROM pg_constraint co
    JOIN pg_class ref ON ref.oid = co.confrelid AND ref.relnamespace <> co.connamespace
    CROSS JOIN unnest(co.confkey) WITH ORDINALITY u(num, ord)
    JOIN pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = u.num
    WHERE co.contype = 'f' AND co.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)
    GROUP BY co.oid)
SELECT cl.relname, co.conname, co.contype, co.conkey::text,
       CASE WHEN co.contype = 'x' THEN pg_get_constraintdef(co.oid) ELSE pg_get_expr(co.conbin, co.conrelid) END,
       CASE WHEN ref.relnamespace = cl.relnamespace THEN ref.relname::text
            ELSE quote_ident(refn.nspname) || '.' || quote_ident(ref.relname) END,
       co.confkey::text, ok.names,
       co.confdeltype, co.confupdtype, co.confmatchtype = 'f', co.condeferrable, co.condeferred,
       NOT co.convalidated, coalesce(ix.indnullsnotdistinct, false)
FROM pg_constraint co
JOIN pg_class cl ON cl.oid = co.conrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
LEFT JOIN pg_class ref ON ref.oid = co.confrelid
LEFT JOIN pg_namespace refn ON refn.oid = ref.relnamespace
LEFT JOIN pg_index ix ON ix.indexrelid = co.conindid AND co.contype = 'u'
LEFT JOIN other_schema_keys ok ON ok.oid = co.oid
WHERE n.nspname = ? AND co.contype IN ('p', 'u', 'c', 'f', 'x') AND co.conislocal AND co.conparentid = 0
