WITH keys AS (
    SELECT k.oid, k.fk, array_agg(a.attname::text ORDER BY k.ord) AS names
    FROM (SELECT co.oid, false AS fk, co.conrelid AS rel, u.num, u.ord
          FROM pg_constraint co, unnest(co.conkey) WITH ORDINALITY u(num, ord)
          WHERE co.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)
          UNION ALL
          SELECT co.oid, true, co.confrelid, u.num, u.ord
          FROM pg_constraint co, unnest(co.confkey) WITH ORDINALITY u(num, ord)
          WHERE co.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = ?)) k
    JOIN pg_attribute a ON a.attrelid = k.rel AND a.attnum = k.num
    GROUP BY k.oid, k.fk)
SELECT cl.relname, co.conname, co.contype, coalesce(lk.names, '{}'),
       CASE WHEN co.contype = 'x' THEN pg_get_constraintdef(co.oid) ELSE pg_get_expr(co.conbin, co.conrelid) END,
       CASE WHEN ref.relnamespace = cl.relnamespace THEN ref.relname::text
            ELSE (SELECT quote_ident(nspname) FROM pg_namespace WHERE oid = ref.relnamespace)
                 || '.' || quote_ident(ref.relname) END,
       coalesce(rk.names, '{}'),
       co.confdeltype, co.confupdtype, co.confmatchtype = 'f', co.condeferrable, co.condeferred,
       NOT co.convalidated, coalesce(ix.indnullsnotdistinct, false)
FROM pg_constraint co
JOIN pg_class cl ON cl.oid = co.conrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
LEFT JOIN pg_class ref ON ref.oid = co.confrelid
LEFT JOIN pg_index ix ON ix.indexrelid = co.conindid AND co.contype = 'u'
LEFT JOIN keys lk ON lk.oid = co.oid AND NOT lk.fk
LEFT JOIN keys rk ON rk.oid = co.oid AND rk.fk
WHERE n.nspname = ? AND co.contype IN ('p', 'u', 'c', 'f', 'x') AND co.conislocal AND co.conparentid = 0
