SELECT tg.tgname, cl.relname, tg.tgtype,
       CASE WHEN p.pronamespace = cl.relnamespace THEN p.proname::text
            ELSE (SELECT quote_ident(nspname) FROM pg_namespace WHERE oid = p.pronamespace)
                 || '.' || quote_ident(p.proname) END, pg_get_triggerdef(tg.oid),
       ARRAY(SELECT a.attname::text FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = k.num ORDER BY k.ord),
       tg.tgconstraint <> 0, tg.tgdeferrable, tg.tginitdeferred, tg.tgoldtable, tg.tgnewtable,
       tg.tgenabled
FROM pg_trigger tg
JOIN pg_class cl ON cl.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = cl.relnamespace
JOIN pg_proc p ON p.oid = tg.tgfoid
WHERE n.nspname = ? AND NOT tg.tgisinternal AND tg.tgparentid = 0
