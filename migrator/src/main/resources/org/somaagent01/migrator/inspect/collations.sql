-- the ICU locale is colliculocale in PostgreSQL 15 and 16, colllocale from 17: read by name from the row
SELECT co.collname, co.collprovider, coalesce(to_jsonb(co) ->> 'colliculocale', to_jsonb(co) ->> 'colllocale'),
       co.collcollate, co.collctype, co.collisdeterministic
FROM pg_collation co
JOIN pg_namespace n ON n.oid = co.collnamespace
WHERE n.nspname = ? AND co.collprovider IN ('c', 'i')
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_collation'::regclass AND e.objid = co.oid
                  AND e.deptype = 'e')
ORDER BY co.collname
