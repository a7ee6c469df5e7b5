package org.somaagent01.migrator.plan;

import static org.somaagent01.migrator.sql.Sql.ident;
import static org.somaagent01.migrator.sql.Sql.literal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IdentityOptions;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.StorageParameters;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.sql.Sql;

/**
 * Renders one {@link Change} as PostgreSQL statements. Statements are idempotent where PostgreSQL allows
 * ({@code IF [NOT] EXISTS}, {@code OR REPLACE}, {@code duplicate_object} handlers), so a script re-run over a
 * partly built schema, such as one the legacy init scripts left, converges instead of failing.
 */
public final class SqlRenderer {
    private SqlRenderer() {}

    /** The renderer of each kind of change, registered by {@link #on} below (Java 17 has no pattern switch). */
    private static final Map<Class<? extends Change>, Function<Change, List<String>>> RENDERERS = new HashMap<>();

    private static <C extends Change> void on(Class<C> kind, Function<C, List<String>> renderer) {
        RENDERERS.put(kind, c -> renderer.apply(kind.cast(c)));
    }

    /** The kinds of change this renders (every kind: see the test). */
    static java.util.Set<Class<? extends Change>> kinds() {
        return java.util.Set.copyOf(RENDERERS.keySet());
    }

    public static List<String> render(Change change) {
        Function<Change, List<String>> renderer = RENDERERS.get(change.getClass());
        if (renderer == null) throw new IllegalArgumentException("no SQL for " + change);
        return renderer.apply(change);
    }

    static {
        on(Change.SetSearchPath.class, c -> List.of(c.to() == null ? "RESET search_path"
                : "SET search_path TO " + ident(c.to())));
        on(Change.CreateSchema.class, c -> List.of("CREATE SCHEMA IF NOT EXISTS " + ident(c.schema())));
        // RESTRICT: the differ dropped what the model knows of first; anything else it held stops the drop
        on(Change.DropSchema.class, c -> List.of("DROP SCHEMA IF EXISTS " + ident(c.schema()) + " RESTRICT"));
        on(Change.CreateExtension.class, c -> List.of("CREATE EXTENSION IF NOT EXISTS " + ident(c.extension().name())
                + (c.extension().version() == null ? "" : " VERSION " + literal(c.extension().version()))));
        // a re-run finds the version installed and does nothing; apply checks the update path before the first DDL
        on(Change.UpdateExtension.class, c -> List.of("ALTER EXTENSION " + ident(c.name()) + " UPDATE TO " + literal(c.to())));
        on(Change.DropExtension.class, c -> List.of("DROP EXTENSION IF EXISTS " + ident(c.extension().name())));
        on(Change.CreateEnum.class, c -> List.of(ignoreDuplicate("CREATE TYPE " + ident(c.type().name()) + " AS ENUM ("
                + c.type().labels().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")")));
        on(Change.DropEnum.class, c -> List.of("DROP TYPE IF EXISTS " + ident(c.type().name())));
        on(Change.CreateTable.class, c -> createTable(c.table()));
        on(Change.DropTable.class, c -> List.of("DROP TABLE IF EXISTS " + ident(c.table().name())));
        on(Change.AddForeignKey.class, c -> List.of(addForeignKey(c.table(), c.foreignKey())));
        on(Change.DropForeignKey.class, c -> List.of("ALTER TABLE IF EXISTS " + ident(c.table())
                + " DROP CONSTRAINT IF EXISTS " + ident(c.foreignKey().name())));
        on(Change.CreateIndex.class, c -> List.of(createIndex(c.table(), c.index())));
        on(Change.DropIndex.class, c -> List.of("DROP INDEX IF EXISTS " + ident(c.index().name())));
        on(Change.CreateFunction.class, c -> createFunction(c.function()));
        on(Change.DropFunction.class, c -> List.of(c.recreated() ? onlyIf(defines(c.function()), List.of(dropFunction(c.function())))
                : dropFunction(c.function())));
        on(Change.CreateTrigger.class, c -> createTrigger(c.trigger()));
        on(Change.SetTriggerEnabled.class, c -> List.of(enableTrigger(c.trigger())));
        on(Change.DropTrigger.class, c -> List.of("DROP TRIGGER IF EXISTS " + ident(c.trigger().name()) + " ON "
                + ident(c.trigger().table())));
        // removing a comment precedes dropping the table: on a re-run the table is gone already
        on(Change.SetTableComment.class, c -> List.of(c.to() == null
                ? "DO $$ BEGIN\n    IF to_regclass(" + literal(ident(c.table())) + ") IS NOT NULL THEN\n        COMMENT ON TABLE "
                        + ident(c.table()) + " IS NULL;\n    END IF;\nEND $$"
                : "COMMENT ON TABLE " + ident(c.table()) + " IS " + literal(c.to())));
        on(Change.RenameTable.class, c -> List.of("ALTER TABLE IF EXISTS " + ident(c.from()) + " RENAME TO " + ident(c.to())));
        on(Change.RenameColumn.class, c -> List.of(ifColumnExists(c.table(), c.from(),
                "ALTER TABLE " + ident(c.table()) + " RENAME COLUMN " + ident(c.from()) + " TO " + ident(c.to()))));
        on(Change.AddColumn.class, c -> List.of("ALTER TABLE " + ident(c.table()) + " ADD COLUMN IF NOT EXISTS "
                + column(c.table(), c.column())));
        on(Change.DropColumn.class, c -> List.of("ALTER TABLE IF EXISTS " + ident(c.table()) + " DROP COLUMN IF EXISTS "
                + ident(c.column().name())));
        // only while the column is an identity of that type: a re-run finds it dropped, or already of the other type
        on(Change.SetIdentityOptions.class, c -> List.of("DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute"
                + " WHERE attrelid = to_regclass(" + literal(ident(c.table())) + ") AND attname = " + literal(c.column())
                + " AND attidentity <> '' AND format_type(atttypid, atttypmod) = " + literal(c.type()) + ") THEN\n        "
                + alterColumn(c.table(), c.column()) + (c.to() == null ? IdentityOptions.defaults(c.type()) : c.to()).setClauses()
                + ";\n    END IF;\nEND $$"));
        on(Change.SetNotNull.class, c -> List.of(alterColumn(c.table(), c.column())
                + (c.notNull() ? "SET NOT NULL" : "DROP NOT NULL")));
        on(Change.SetColumnDefault.class, c -> List.of(alterColumn(c.table(), c.column())
                + (c.to() == null ? "DROP DEFAULT" : "SET DEFAULT " + c.to())));
        on(Change.AddPrimaryKey.class, c -> List.of(unlessConstraintExists(c.table(), c.key().name(),
                "ALTER TABLE " + ident(c.table()) + " ADD " + keyConstraint(c.key(), "PRIMARY KEY"))));
        on(Change.DropPrimaryKey.class, c -> List.of(dropConstraint(c.table(), c.key().name())));
        on(Change.AddUnique.class, c -> List.of(unlessConstraintExists(c.table(), c.key().name(),
                "ALTER TABLE " + ident(c.table()) + " ADD " + keyConstraint(c.key(), "UNIQUE"))));
        on(Change.DropUnique.class, c -> List.of(dropConstraint(c.table(), c.key().name())));
        on(Change.AddCheck.class, c -> List.of(addCheck(c.table(), c.check())));
        on(Change.DropCheck.class, c -> List.of(dropConstraint(c.table(), c.check().name())));
        on(Change.AddExclusion.class, c -> List.of(unlessConstraintExists(c.table(), c.exclusion().name(),
                "ALTER TABLE " + ident(c.table()) + " ADD " + exclusion(c.exclusion()))));
        on(Change.DropExclusion.class, c -> List.of(dropConstraint(c.table(), c.exclusion().name())));
        on(Change.SetCheckValidated.class, c -> c.validated()
                ? List.of(validate(c.table(), c.check().name()))
                : List.of(dropConstraint(c.table(), c.check().name()), addCheck(c.table(), c.check().withNotValid(true))));
        on(Change.SetForeignKeyValidated.class, c -> c.validated()
                ? List.of(validate(c.table(), c.foreignKey().name()))
                : List.of(dropConstraint(c.table(), c.foreignKey().name()),
                        addForeignKey(c.table(), c.foreignKey().withNotValid(true))));
        on(Change.ReplaceFunction.class, c -> render(new Change.CreateFunction(c.to())));
        on(Change.AddEnumValue.class, c -> List.of("ALTER TYPE " + ident(c.type()) + " ADD VALUE IF NOT EXISTS "
                + literal(c.label()) + (c.neighbor() == null ? "" : (c.before() ? " BEFORE " : " AFTER ") + literal(c.neighbor()))));
        on(Change.RenameEnumValue.class, c -> List.of("DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_enum WHERE enumtypid = to_regtype("
                + literal(ident(c.type())) + ") AND enumlabel = " + literal(c.from()) + ") THEN\n        ALTER TYPE "
                + ident(c.type()) + " RENAME VALUE " + literal(c.from()) + " TO " + literal(c.to()) + ";\n    END IF;\nEND $$"));
        on(Change.SwapEnumType.class, c -> swapEnum(c));
        on(Change.DropReplacedColumn.class, c -> List.of(dropReplacedColumn(c)));
        on(Change.AddReplacedColumn.class, c -> render(new Change.AddColumn(c.table(), c.column())));
        on(Change.SetColumnComment.class, c -> List.of(c.to() == null
                ? ifColumnExists(c.table(), c.column(), commentOnColumn(c.table(), c.column()) + "NULL")
                : commentOnColumn(c.table(), c.column()) + literal(c.to())));
        on(Change.CreateSequence.class, c -> List.of("CREATE SEQUENCE IF NOT EXISTS " + ident(c.sequence().name())
                + sequenceOptions(c.sequence())));
        on(Change.DropSequence.class, c -> List.of("DROP SEQUENCE IF EXISTS " + ident(c.sequence().name())));
        on(Change.AlterSequence.class, c -> List.of(c.to().min() > c.from().min() ? alterSequenceUp(c.to())
                : "ALTER SEQUENCE IF EXISTS " + ident(c.to().name()) + sequenceOptions(c.to())));
        on(Change.SetSequenceOwner.class, c -> List.of("ALTER SEQUENCE IF EXISTS " + ident(c.sequence())
                + " OWNED BY " + (c.to() == null ? "NONE" : qualifiedColumn(c.to()))));
        on(Change.CreateCollation.class, c -> List.of(createCollation(c.collation(), true)));
        on(Change.DropCollation.class, c -> List.of(dropCollation(c.collation())));
        on(Change.ReplaceCollation.class, c -> List.of(replaceCollation(c)));
        on(Change.CreateDomain.class, c -> createDomain(c.domain()));
        on(Change.DropDomain.class, c -> List.of("DROP DOMAIN IF EXISTS " + ident(c.domain().name())));
        on(Change.ReplaceDomain.class, c -> c.users().isEmpty() ? replaceDomain(c.to()) : swapDomain(c));
        on(Change.SetDomainDefault.class, c -> List.of("ALTER DOMAIN " + ident(c.domain())
                + (c.to() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.to())));
        on(Change.SetDomainNotNull.class, c -> List.of("ALTER DOMAIN " + ident(c.domain())
                + (c.notNull() ? " SET NOT NULL" : " DROP NOT NULL")));
        on(Change.AddDomainCheck.class, c -> List.of(addDomainCheck(c.domain(), c.check())));
        // in a subtransaction of its own: PostgreSQL 15 leaves this statement's cache invalidations so that any later
        // subtransaction (a DO block's EXCEPTION clause) in the same transaction fails ("unprocessed inval messages")
        on(Change.DropDomainCheck.class, c -> List.of("DO $$ BEGIN\n    ALTER DOMAIN " + ident(c.domain())
                + " DROP CONSTRAINT " + ident(c.check().name()) + ";\nEXCEPTION WHEN undefined_object THEN NULL;\nEND $$"));
        on(Change.CreateCompositeType.class, c -> List.of(ignoreDuplicate("CREATE TYPE " + ident(c.type().name())
                + " AS (" + c.type().attributes().stream().map(SqlRenderer::attribute).collect(Collectors.joining(", ")) + ")")));
        on(Change.DropCompositeType.class, c -> List.of("DROP TYPE IF EXISTS " + ident(c.type().name())));
        on(Change.AddAttribute.class, c -> List.of(ifAttribute(c.type(), c.attribute().name(), false,
                "ALTER TYPE " + ident(c.type()) + " ADD ATTRIBUTE " + attribute(c.attribute()))));
        on(Change.DropAttribute.class, c -> List.of("ALTER TYPE " + ident(c.type()) + " DROP ATTRIBUTE IF EXISTS "
                + ident(c.attribute().name())));
        // only while the attribute differs: PostgreSQL refuses it, even to the same type, once a column uses the type
        on(Change.AlterAttributeType.class, c -> List.of(onlyIf(attributeDiffers(c.type(), List.of(c.to())), List.of(
                "ALTER TYPE " + ident(c.type()) + " ALTER ATTRIBUTE " + attribute(c.to()).replaceFirst(" ", " TYPE ")))));
        on(Change.ReplaceCompositeType.class, c -> List.of(swapCompositeType(c)));
        on(Change.DropView.class, c -> List.of(dropView(c.view())));
        on(Change.SetObjectComment.class, c -> List.of(objectComment(c)));
        on(Change.AlterColumnType.class, c -> List.of(c.readByGenerated()
                // a generated column, view, policy or trigger reads it: on a re-run they are back, the type is checked first
                ? "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute"
                        + " WHERE attrelid = to_regclass(" + literal(ident(c.table())) + ") AND attname = " + literal(c.column())
                        + " AND format_type(atttypid, atttypmod) <> " + literal(c.to()) + ") THEN\n        "
                        + alterColumn(c.table(), c.column()) + "TYPE " + c.to() + " USING " + castTo(c.column(), c.from(), c.to())
                        + ";\n    END IF;\nEND $$"
                : alterColumn(c.table(), c.column()) + "TYPE " + c.to() + " USING " + castTo(c.column(), c.from(), c.to())));
        on(Change.SetIdentity.class, c -> c.to() == null && c.plainDefault() != null
                ? List.of(setIdentity(c), alterColumn(c.table(), c.column()) + "SET DEFAULT " + c.plainDefault())
                : List.of(setIdentity(c)));
        on(Change.CreateView.class, c -> {
            // its indexes and triggers after it; they go with it when it is dropped
            List<String> out = new ArrayList<>(List.of(createView(c.view())));
            for (IndexModel ix : c.view().indexes().values()) out.add(createIndex(c.view().name(), ix));
            for (TriggerModel trg : c.view().triggers().values()) out.addAll(createTrigger(trg));
            return out;
        });
        for (Class<? extends Change> kind : List.of(Change.CreatePartitioned.class, Change.DropPartitioned.class,
                Change.DetachPartition.class, Change.AttachPartition.class, Change.SetUnlogged.class,
                Change.SetColumnCollation.class, Change.OnPartitionedTable.class)) {
            RENDERERS.put(kind, TableLayouts::render);
        }
        rowSecurity();
        privileges();
    }

    /** CREATE DOMAIN (none has IF NOT EXISTS), then its NOT VALID CHECKs, which CREATE DOMAIN would validate. */
    static List<String> createDomain(org.somaagent01.migrator.model.DomainModel d) {
        List<String> out = new ArrayList<>();
        out.add(ignoreDuplicate(createDomain(d, d.name())));
        for (CheckModel ck : d.checks().values()) if (ck.notValid()) out.add(addDomainCheck(d.name(), ck));
        return out;
    }

    /** {@code CREATE DOMAIN name …} of {@code d}'s definition with its valid CHECKs (NOT VALID ones are added after). */
    private static String createDomain(org.somaagent01.migrator.model.DomainModel d, String name) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(ident(name)).append(" AS ").append(d.type());
        if (d.collation() != null) sql.append(" COLLATE ").append(ident(d.collation()));
        if (d.defaultExpression() != null) sql.append(" DEFAULT ").append(d.defaultExpression());
        if (d.notNull()) sql.append(" NOT NULL");
        for (CheckModel ck : d.checks().values()) if (!ck.notValid()) sql.append(' ').append(check(ck));
        return sql.toString();
    }

    private static String createCollation(org.somaagent01.migrator.model.CollationModel c, boolean ifNotExists) {
        String options = c.provider().equals(org.somaagent01.migrator.model.CollationModel.ICU)
                ? "provider = icu, locale = " + literal(c.locale())
                : "provider = libc, lc_collate = " + literal(c.lcCollate()) + ", lc_ctype = " + literal(c.lcCtype());
        return "CREATE COLLATION " + (ifNotExists ? "IF NOT EXISTS " : "") + ident(c.name()) + " (" + options
                + (c.deterministic() ? "" : ", deterministic = false") + ")";
    }

    private static String dropCollation(org.somaagent01.migrator.model.CollationModel c) {
        return "DROP COLLATION IF EXISTS " + ident(c.name());
    }

    /**
     * A collation defined anew: dropped and created, or, under columns that use it (PostgreSQL can neither alter a
     * collation's definition nor drop it under a column), a new one created beside it, the columns moved to it, the
     * old one dropped and the new one renamed. Only while another definition is there: a re-run finds the new one
     * (and the columns a later statement put on it) and does nothing.
     */
    private static String replaceCollation(Change.ReplaceCollation c) {
        org.somaagent01.migrator.model.CollationModel to = c.to();
        List<String> body = new ArrayList<>();
        if (c.users().isEmpty()) {
            body.add("DROP COLLATION " + ident(to.name()));
            body.add(createCollation(to, false));
        } else {
            org.somaagent01.migrator.model.CollationModel temp = new org.somaagent01.migrator.model.CollationModel(
                    to.name() + "__swap", to.provider(), to.locale(), to.lcCollate(), to.lcCtype(), to.deterministic());
            body.add(dropCollation(temp));
            body.add(createCollation(temp, false));
            for (Change.CollatedColumn u : c.users()) {
                body.add(alterUser(u.table(), u.column()) + "TYPE " + u.type() + " COLLATE " + ident(temp.name()));
            }
            body.add("DROP COLLATION " + ident(to.name()));
            body.add("ALTER COLLATION " + ident(temp.name()) + " RENAME TO " + ident(to.name()));
        }
        return onlyIf(otherDefinition(to), body);
    }

    /** Whether the schema holds a collation of {@code to}'s name with another definition. */
    private static String otherDefinition(org.somaagent01.migrator.model.CollationModel to) {
        String row = "(SELECT to_jsonb(co) FROM pg_collation co WHERE co.collname = " + literal(to.name())
                + " AND co.collnamespace = current_schema()::regnamespace)";
        String locale = "coalesce(" + row + " ->> 'colliculocale', " + row + " ->> 'colllocale')";
        boolean icu = to.provider().equals(org.somaagent01.migrator.model.CollationModel.ICU);
        String same = row + " ->> 'collprovider' = " + literal(icu ? "i" : "c")
                + " AND " + locale + " IS NOT DISTINCT FROM " + (to.locale() == null ? "NULL" : literal(to.locale()))
                + " AND " + row + " ->> 'collcollate' IS NOT DISTINCT FROM " + (to.lcCollate() == null ? "NULL" : literal(to.lcCollate()))
                + " AND " + row + " ->> 'collctype' IS NOT DISTINCT FROM " + (to.lcCtype() == null ? "NULL" : literal(to.lcCtype()))
                + " AND (" + row + " ->> 'collisdeterministic')::boolean = " + to.deterministic();
        return row + " IS NOT NULL AND NOT (" + same + ")";
    }

    /** Drops the domain unless it already has {@code d}'s base type and collation, then creates {@code d}. */
    static List<String> replaceDomain(org.somaagent01.migrator.model.DomainModel d) {
        List<String> out = new ArrayList<>();
        out.add("DO $$ BEGIN\n    IF " + otherBase(d) + " THEN\n        DROP DOMAIN " + ident(d.name()) + ";\n    END IF;\nEND $$");
        out.addAll(createDomain(d));
        return out;
    }

    /** Whether the domain exists with another base type or collation than {@code d}'s. */
    private static String otherBase(org.somaagent01.migrator.model.DomainModel d) {
        String collation = d.collation() == null ? "(SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)"
                : "(SELECT oid FROM pg_collation WHERE collname = " + literal(d.collation()) + " LIMIT 1)";
        return "EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = to_regtype(" + literal(ident(d.name()))
                + ") AND (format_type(t.typbasetype, t.typtypmod) <> " + literal(d.type()) + " OR t.typcollation <> "
                + collation + "))";
    }

    /**
     * A domain with a new base type under columns that use it: PostgreSQL can neither alter a domain's base type
     * nor drop it under a column, so a new domain is created beside it, the columns converted to it (through the new
     * base type, defaults set aside meanwhile), the old one dropped and the new one renamed to its name. NOT VALID
     * CHECKs are added after, unvalidated.
     */
    private static List<String> swapDomain(Change.ReplaceDomain c) {
        org.somaagent01.migrator.model.DomainModel d = c.to();
        String temp = ident(d.name() + "__swap");
        List<String> body = new ArrayList<>();
        body.add("DROP DOMAIN IF EXISTS " + temp);
        body.add(createDomain(d, d.name() + "__swap"));
        moveUsers(body, c.users(), temp, u -> ident(u.column()) + "::" + d.type() + (u.array() ? "[]" : ""),
                "DROP DOMAIN " + ident(d.name()), "ALTER DOMAIN " + temp + " RENAME TO " + ident(d.name()));
        List<String> out = new ArrayList<>();
        out.add(onlyIf(otherBase(d), body));
        for (CheckModel ck : d.checks().values()) if (ck.notValid()) out.add(addDomainCheck(d.name(), ck));
        return out;
    }

    /**
     * A composite type with retyped attributes under columns that use it: created beside it as {@code __swap}, the
     * columns converted to it through their text form (a null row stays null; defaults set aside meanwhile), the old
     * type dropped and the new one renamed to its name. Only while one of its attributes differs from {@code to}'s.
     */
    private static String swapCompositeType(Change.ReplaceCompositeType c) {
        org.somaagent01.migrator.model.CompositeTypeModel t = c.to();
        String temp = ident(t.name() + "__swap");
        List<String> body = new ArrayList<>();
        body.add("DROP TYPE IF EXISTS " + temp);
        body.add("CREATE TYPE " + temp + " AS (" + t.attributes().stream().map(SqlRenderer::attribute)
                .collect(Collectors.joining(", ")) + ")");
        moveUsers(body, c.users(), temp, u -> ident(u.column()) + "::text", "DROP TYPE " + ident(t.name()),
                "ALTER TYPE " + temp + " RENAME TO " + ident(t.name()));
        return onlyIf(attributeDiffers(t.name(), t.attributes()), body);
    }

    /**
     * The middle of a type swap (an enum's, a domain's, a composite type's): each column moved onto {@code temp}
     * through {@code using} (its value as the new type reads it; an array column onto {@code temp[]}), its default
     * set aside meanwhile; then the old type dropped and {@code temp} renamed to its name.
     */
    private static void moveUsers(List<String> body, List<Change.EnumColumn> users, String temp,
                                  java.util.function.Function<Change.EnumColumn, String> using, String dropOld,
                                  String rename) {
        for (Change.EnumColumn u : users) {
            String array = u.array() ? "[]" : "";
            if (u.defaultExpression() != null) body.add(alterUser(u.table(), u.column()) + "DROP DEFAULT");
            body.add(alterUser(u.table(), u.column()) + "TYPE " + temp + array + " USING " + using.apply(u) + "::" + temp
                    + array);
        }
        body.add(dropOld);
        body.add(rename);
        for (Change.EnumColumn u : users) {
            if (u.defaultExpression() != null) body.add(alterUser(u.table(), u.column()) + "SET DEFAULT " + u.defaultExpression());
        }
    }

    /** Whether one of these attributes of the composite type, as the inspector reads them, has another type or collation. */
    private static String attributeDiffers(String type, List<org.somaagent01.migrator.model.CompositeTypeModel.Attribute> as) {
        String differs = as.stream().map(a -> "(a.attname = " + literal(a.name())
                + " AND (format_type(a.atttypid, a.atttypmod) <> " + literal(a.type()) + " OR CASE WHEN a.attcollation"
                + " <> at.typcollation THEN co.collname::text END IS DISTINCT FROM "
                + (a.collation() == null ? "NULL" : literal(a.collation())) + "))").collect(Collectors.joining(" OR "));
        return "EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid"
                + " LEFT JOIN pg_collation co ON co.oid = a.attcollation WHERE a.attrelid = (SELECT typrelid FROM pg_type"
                + " WHERE oid = to_regtype(" + literal(ident(type)) + ")) AND a.attnum > 0 AND NOT a.attisdropped AND ("
                + differs + "))";
    }

    static String addDomainCheck(String domain, CheckModel ck) {
        return "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE contypid = to_regtype(" + literal(ident(domain))
                + ") AND conname = " + literal(ck.name()) + ") THEN\n        ALTER DOMAIN " + ident(domain) + " ADD " + check(ck)
                + (ck.notValid() ? " NOT VALID" : "") + ";\n    END IF;\nEND $$";
    }

    private static String attribute(org.somaagent01.migrator.model.CompositeTypeModel.Attribute a) {
        return ident(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + ident(a.collation()));
    }

    /** ADD ATTRIBUTE has no IF NOT EXISTS. */
    private static String ifAttribute(String type, String attribute, boolean exists, String ddl) {
        return "DO $$ BEGIN\n    IF " + (exists ? "" : "NOT ") + "EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = (SELECT typrelid"
                + " FROM pg_type WHERE oid = to_regtype(" + literal(ident(type)) + ")) AND attname = " + literal(attribute)
                + " AND NOT attisdropped) THEN\n        " + ddl + ";\n    END IF;\nEND $$";
    }

    /**
     * {@code CREATE OR REPLACE TRIGGER}, which also sets it enabled; a constraint trigger has no OR REPLACE and is
     * dropped first. A trigger not plainly enabled is then disabled or set to fire on replicas.
     */
    // PostgreSQL's own types (and pgvector's) as format_type prints them: what is not one of these is a type of the
    // schema (an enum, a domain, a composite type), which casts to another only through its text form
    private static final java.util.regex.Pattern BUILT_IN_TYPE = java.util.regex.Pattern.compile(
            "(smallint|integer|bigint|numeric|real|double precision|text|character varying|character|\"char\"|boolean|date"
                    + "|time|timestamp|interval|jsonb|json|uuid|bytea|inet|cidr|macaddr|money|bit|tsvector|tsquery|xml"
                    + "|oid|name|vector|halfvec|sparsevec|int4range|int8range|numrange|tsrange|tstzrange|daterange)(?![a-z0-9_]).*");

    /** {@code column::to}, or {@code column::text::to} from a type of the schema (two enums have no cast between them). */
    static String castTo(String column, String from, String to) {
        boolean own = !BUILT_IN_TYPE.matcher(from).matches();
        return ident(column) + (own ? "::text" : "") + "::" + to;
    }

    static List<String> createTrigger(org.somaagent01.migrator.model.TriggerModel t) {
        List<String> events = t.events().stream().map(e -> e.equals("UPDATE") && !t.updateColumns().isEmpty()
                ? "UPDATE OF " + columns(t.updateColumns()) : e).toList();
        String referencing = t.oldTable() == null && t.newTable() == null ? "" : " REFERENCING"
                + (t.oldTable() == null ? "" : " OLD TABLE AS " + ident(t.oldTable()))
                + (t.newTable() == null ? "" : " NEW TABLE AS " + ident(t.newTable()));
        String body = ident(t.name()) + " " + t.timing() + " " + String.join(" OR ", events) + " ON " + ident(t.table())
                + (t.constraint() ? (t.deferrable() ? " DEFERRABLE" : "") + (t.initiallyDeferred() ? " INITIALLY DEFERRED" : "") : "")
                + referencing + " FOR EACH " + (t.forEachRow() ? "ROW" : "STATEMENT")
                + (t.when() == null ? "" : " WHEN (" + t.when() + ")")
                + " EXECUTE FUNCTION " + Sql.relation(t.function()) + "("
                + t.arguments().stream().map(Sql::literal).collect(Collectors.joining(", ")) + ")";
        List<String> out = new ArrayList<>();
        if (t.constraint()) {
            out.add("DROP TRIGGER IF EXISTS " + ident(t.name()) + " ON " + ident(t.table()));
            out.add("CREATE CONSTRAINT TRIGGER " + body);
        } else {
            out.add("CREATE OR REPLACE TRIGGER " + body);
        }
        if (t.enabled() != null) out.add(enableTrigger(t));
        return out;
    }

    static String enableTrigger(org.somaagent01.migrator.model.TriggerModel t) {
        String how = t.enabled() == null ? "ENABLE" : t.enabled().equals(org.somaagent01.migrator.model.TriggerModel.DISABLED)
                ? "DISABLE" : "ENABLE " + t.enabled();
        return "ALTER TABLE " + ident(t.table()) + " " + how + " TRIGGER " + ident(t.name());
    }

    /**
     * {@code CREATE OR REPLACE FUNCTION|PROCEDURE} with every attribute that differs from PostgreSQL's default (OR
     * REPLACE resets the others). An SQL-language body is checked against the catalog when created, and routines come
     * before the tables (defaults, CHECKs and index expressions may call them), so one that reads a table would fail:
     * its creation runs with {@code check_function_bodies} off, as pg_dump's output does; the body is checked when it
     * first runs instead. PL/pgSQL bodies are only parsed at creation and need nothing.
     */
    static List<String> createFunction(org.somaagent01.migrator.model.FunctionModel f) {
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE ").append(f.kind()).append(' ').append(ident(f.name()))
                .append('(').append(f.arguments()).append(')');
        if (f.returns() != null) sql.append(" RETURNS ").append(f.returns());
        sql.append(" LANGUAGE ").append(f.language());
        if (f.volatility() != null) sql.append(' ').append(f.volatility());
        if (f.strict()) sql.append(" STRICT");
        if (f.securityDefiner()) sql.append(" SECURITY DEFINER");
        if (f.leakproof()) sql.append(" LEAKPROOF");
        if (f.parallel() != null) sql.append(" PARALLEL ").append(f.parallel());
        if (f.cost() != null) sql.append(" COST ").append(number(f.cost()));
        if (f.rows() != null) sql.append(" ROWS ").append(number(f.rows()));
        for (String setting : f.config()) sql.append(" SET ").append(setting(setting));
        sql.append(" AS ").append(Sql.dollarQuoted(f.body(), "body"));
        if (!f.language().equals("sql")) return List.of(sql.toString());
        return List.of("SET check_function_bodies = off", sql.toString(), "RESET check_function_bodies");
    }

    /** Whether the routine of {@code f}'s signature in the current schema has {@code f}'s kind, result and arguments. */
    private static String defines(org.somaagent01.migrator.model.FunctionModel f) {
        return defines("current_schema()::regnamespace", f);
    }

    /** The same for a routine an expression calls, in its own schema when it is another's. */
    private static String defines(Change.CalledRoutine r) {
        return r.schema() == null ? defines(r.routine())
                : defines("to_regnamespace(" + literal(ident(r.schema())) + ")", r.routine());
    }

    /** Whether {@code f}, with this definition, is in the schema of oid {@code namespace} (an SQL expression). */
    private static String defines(String namespace, org.somaagent01.migrator.model.FunctionModel f) {
        return "EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = " + namespace + " AND p.proname = "
                + literal(f.name()) + " AND pg_get_function_identity_arguments(p.oid) = " + literal(f.identityArguments())
                + " AND p.prokind = " + literal(f.procedure() ? "p" : "f") + " AND pg_get_function_arguments(p.oid) = "
                + literal(f.arguments()) + " AND pg_get_function_result(p.oid) IS NOT DISTINCT FROM "
                + (f.returns() == null ? "NULL" : literal(f.returns())) + ")";
    }

    static String dropFunction(org.somaagent01.migrator.model.FunctionModel f) {
        return "DROP " + f.kind() + " IF EXISTS " + ident(f.name()) + "(" + f.identityArguments() + ")";
    }

    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // settings whose value is a list PostgreSQL keeps already quoted element by element (GUC_LIST_QUOTE)
    private static final java.util.Set<String> LIST_SETTINGS = java.util.Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "shared_preload_libraries", "local_preload_libraries");

    /** One {@code proconfig} entry, {@code name=value}, as a {@code SET name = value} clause. */
    private static String setting(String entry) {
        int eq = entry.indexOf('=');
        String name = entry.substring(0, eq);
        String value = entry.substring(eq + 1);
        // an empty list is kept as "", which SET reads as a zero-length identifier
        return name + " = " + (LIST_SETTINGS.contains(name) && !value.equals("\"\"") ? value : LIST_SETTINGS.contains(name) ? "''" : literal(value));
    }

    /**
     * Enum labels cannot be dropped: build the new type beside the old one, convert each column through text
     * (mapping removed labels), drop the old type and take its name. A removed label that rows still hold and the
     * mapping does not convert stops the script with a message saying where, before anything changed. One DO block
     * that does nothing once the type has the new labels, so a re-run is a no-op.
     */
    private static List<String> swapEnum(Change.SwapEnumType c) {
        String type = ident(c.type());
        String temp = ident(c.type() + "__swap");
        List<String> unmapped = c.removed().stream().filter(l -> !c.mapping().containsKey(l)).toList();
        List<String> body = new ArrayList<>();
        for (Change.EnumColumn u : c.users()) {
            if (unmapped.isEmpty()) break;
            String labels = unmapped.stream().map(Sql::literal).collect(Collectors.joining(", "));
            String used = u.array() ? ident(u.column()) + "::text[] && ARRAY[" + labels + "]"
                    : ident(u.column()) + "::text IN (" + labels + ")";
            body.add("IF EXISTS (SELECT 1 FROM " + Sql.relation(u.table()) + " WHERE " + used + ") THEN\n"
                    + "    RAISE EXCEPTION USING ERRCODE = 'dependent_objects_still_exist', MESSAGE = "
                    + literal("cannot remove value(s) " + String.join(", ", unmapped) + " from enum type " + c.type()
                            + ": rows of " + u.table() + "." + u.column() + " still use them; declare the label that "
                            + "replaces each one (a value mapping) to convert those rows") + ";\nEND IF");
        }
        body.add("DROP TYPE IF EXISTS " + temp);
        body.add("CREATE TYPE " + temp + " AS ENUM (" + labels(c.toLabels()) + ")");
        moveUsers(body, c.users(), temp, u -> converted(ident(u.column()), u.array(), c.mapping()), "DROP TYPE " + type,
                "ALTER TYPE " + temp + " RENAME TO " + type);
        String current = "ARRAY(SELECT enumlabel::text FROM pg_enum WHERE enumtypid = to_regtype(" + literal(type)
                + ") ORDER BY enumsortorder)";
        return List.of(onlyIf(current + " IS DISTINCT FROM ARRAY[" + labels(c.toLabels()) + "]::text[]", body));
    }

    /**
     * A swap's statements in one block that runs only while {@code condition} holds (the old type is there), so that
     * a re-run finds the new one and does nothing.
     */
    private static String onlyIf(String condition, List<String> body) {
        return "DO $$ BEGIN\nIF " + condition + " THEN\n    " + String.join(";\n", body).replace("\n", "\n    ")
                + ";\nEND IF;\nEND $$";
    }

    /** A column using the enum type; of a table in another schema, qualified ({@link Sql#relation}). */
    private static String alterUser(String table, String column) {
        return "ALTER TABLE " + Sql.relation(table) + " ALTER COLUMN " + ident(column) + " ";
    }

    private static String labels(List<String> labels) {
        return labels.stream().map(Sql::literal).collect(Collectors.joining(", "));
    }

    private static String converted(String column, boolean array, Map<String, String> mapping) {
        if (array) {
            String out = column + "::text[]";
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                out = "array_replace(" + out + ", " + literal(m.getKey()) + ", " + literal(m.getValue()) + ")";
            }
            return out;
        }
        if (mapping.isEmpty()) return column + "::text";
        return "(CASE " + column + "::text" + mapping.entrySet().stream()
                .map(m -> " WHEN " + literal(m.getKey()) + " THEN " + literal(m.getValue())).collect(Collectors.joining())
                + " ELSE " + column + "::text END)";
    }

    private static String setIdentity(Change.SetIdentity c) {
        if (c.to() == null) return alterColumn(c.table(), c.column()) + "DROP IDENTITY IF EXISTS";
        if (c.from() != null) return alterColumn(c.table(), c.column()) + "SET GENERATED " + c.to();
        // ADD GENERATED has no IF NOT EXISTS
        return "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" + literal(ident(c.table()))
                + ") AND attname = " + literal(c.column()) + " AND attidentity = '') THEN\n        "
                + (c.plainDefault() == null ? "" : alterColumn(c.table(), c.column()) + "DROP DEFAULT;\n        ")
                + alterColumn(c.table(), c.column()) + "ADD GENERATED " + c.to() + " AS IDENTITY;\n    END IF;\nEND $$";
    }

    /** Drops the column unless it already is the replacement (same type, generated by the same expression). */
    private static String dropReplacedColumn(Change.DropReplacedColumn c) {
        ColumnModel r = c.replacement();
        String same = "format_type(a.atttypid, a.atttypmod) = " + literal(r.type()) + " AND "
                + (r.generated() == null ? "a.attgenerated = ''"
                        : "a.attgenerated = 's' AND pg_get_expr(d.adbin, d.adrelid) = " + literal(r.generated()));
        // a column it reads still to be retyped: it must go now, even if it looks like the replacement
        String retyped = c.retypedReads().entrySet().stream().map(e -> "\n        OR EXISTS (SELECT 1 FROM pg_attribute"
                + " WHERE attrelid = to_regclass(" + literal(ident(c.table())) + ") AND attname = " + literal(e.getKey())
                + " AND format_type(atttypid, atttypmod) <> " + literal(e.getValue()) + ")").collect(Collectors.joining())
                // a routine it calls still as it was: the column is still the one calling it (it prints the same)
                + c.calledRoutines().stream().map(f -> "\n        OR " + defines(f)).collect(Collectors.joining());
        return "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid"
                + " AND d.adnum = a.attnum WHERE a.attrelid = to_regclass(" + literal(ident(c.table())) + ") AND a.attname = "
                + literal(c.column().name()) + " AND NOT a.attisdropped AND (NOT (" + same + ")" + retyped + ")) THEN\n        ALTER TABLE "
                + ident(c.table()) + " DROP COLUMN " + ident(c.column().name()) + ";\n    END IF;\nEND $$";
    }

    private static String commentOnColumn(String table, String column) {
        return "COMMENT ON COLUMN " + ident(table) + "." + ident(column) + " IS ";
    }

    private static String qualifiedColumn(String tableDotColumn) {
        int dot = tableDotColumn.indexOf('.');
        return ident(tableDotColumn.substring(0, dot)) + "." + ident(tableDotColumn.substring(dot + 1));
    }

    /** Every option spelled out, so the sequence is the same whatever PostgreSQL's defaults for its type. */
    /**
     * A MINVALUE raised above where the sequence stands: PostgreSQL refuses the bounds unless it restarts, and
     * restarting it at its START (at or above the new minimum, so above every value it gave) is safe; a sequence
     * already within the new bounds keeps its position.
     */
    private static String alterSequenceUp(org.somaagent01.migrator.model.SequenceModel s) {
        String alter = "ALTER SEQUENCE " + ident(s.name()) + sequenceOptions(s);
        return "DO $$ BEGIN\n    IF to_regclass(" + literal(ident(s.name())) + ") IS NOT NULL THEN\n        IF (SELECT last_value FROM "
                + ident(s.name()) + ") < " + s.min() + " THEN\n            " + alter + " RESTART WITH " + s.start()
                + ";\n        ELSE\n            " + alter + ";\n        END IF;\n    END IF;\nEND $$";
    }

    static String sequenceOptions(org.somaagent01.migrator.model.SequenceModel s) {
        return " AS " + s.type() + " INCREMENT BY " + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max()
                + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /**
     * Only a relation of the view's kind: on a re-run, a view that became materialized (or back) is already the new
     * one. CASCADE: the differ drops every modelled dependent first, so on a first run it takes nothing along; on a
     * re-run it takes the new views over this one, which the script creates again after.
     */
    private static String dropView(org.somaagent01.migrator.model.ViewModel v) {
        return "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass(" + literal(ident(v.name()))
                + ") AND relkind = " + (v.materialized() ? "'m'" : "'v'") + ") THEN\n        DROP "
                + (v.materialized() ? "MATERIALIZED " : "") + "VIEW " + ident(v.name()) + " CASCADE;\n    END IF;\nEND $$";
    }

    static String createView(org.somaagent01.migrator.model.ViewModel v) {
        String with = v.options().isEmpty() ? "" : " WITH (" + v.options().entrySet().stream()
                .map(o -> storageParameter(o.getKey() + "=" + o.getValue())).collect(Collectors.joining(", ")) + ")";
        // OR REPLACE keeps a re-run harmless; a materialized view has only IF NOT EXISTS
        return (v.materialized() ? "CREATE MATERIALIZED VIEW IF NOT EXISTS " : "CREATE OR REPLACE VIEW ") + ident(v.name())
                + with + " AS\n" + v.definition();
    }

    static String alterColumn(String table, String column) {
        return "ALTER TABLE " + ident(table) + " ALTER COLUMN " + ident(column) + " ";
    }

    static String dropConstraint(String table, String name) {
        return "ALTER TABLE IF EXISTS " + ident(table) + " DROP CONSTRAINT IF EXISTS " + ident(name);
    }

    /** The constraint clause, without its NOT VALID (which only ALTER TABLE … ADD knows). */
    static String check(CheckModel ck) {
        return "CONSTRAINT " + ident(ck.name()) + " CHECK (" + ck.expression() + ")";
    }

    static String addCheck(String table, CheckModel ck) {
        return unlessConstraintExists(table, ck.name(), "ALTER TABLE " + ident(table) + " ADD " + check(ck)
                + (ck.notValid() ? " NOT VALID" : ""));
    }

    static String addForeignKey(String table, ForeignKeyModel fk) {
        return ignoreDuplicate("ALTER TABLE " + ident(table) + " ADD CONSTRAINT " + ident(fk.name()) + " "
                + foreignKey(fk) + (fk.notValid() ? " NOT VALID" : ""));
    }

    static String exclusion(ExclusionModel ex) {
        return "CONSTRAINT " + ident(ex.name()) + " " + ex.definition();
    }

    static String validate(String table, String constraint) {
        return "ALTER TABLE " + ident(table) + " VALIDATE CONSTRAINT " + ident(constraint);
    }

    /** ADD CONSTRAINT has no IF NOT EXISTS, and the error for an existing key is not duplicate_object. */
    static String unlessConstraintExists(String table, String name, String ddl) {
        return "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(" + literal(ident(table))
                + ") AND conname = " + literal(name) + ") THEN\n        " + ddl + ";\n    END IF;\nEND $$";
    }

    private static String ifColumnExists(String table, String column, String ddl) {
        return "DO $$ BEGIN\n    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" + literal(ident(table))
                + ") AND attname = " + literal(column) + " AND NOT attisdropped) THEN\n        " + ddl + ";\n    END IF;\nEND $$";
    }

    /** CREATE TABLE, then the NOT VALID CHECKs, which CREATE TABLE would validate. */
    static List<String> createTable(TableModel t) {
        List<String> parts = new ArrayList<>();
        for (ColumnModel c : t.columns()) parts.add(column(t.name(), c));
        if (t.primaryKey() != null) parts.add(keyConstraint(t.primaryKey(), "PRIMARY KEY"));
        for (KeyConstraint u : t.uniques().values()) parts.add(keyConstraint(u, "UNIQUE"));
        for (CheckModel ck : t.checks().values()) if (!ck.notValid()) parts.add(check(ck));
        for (ExclusionModel ex : t.exclusions().values()) parts.add(exclusion(ex));
        List<String> out = new ArrayList<>();
        out.add(TableLayouts.createTable(t, parts));
        for (CheckModel ck : t.checks().values()) if (ck.notValid()) out.add(addCheck(t.name(), ck));
        return out;
    }

    static String column(String table, ColumnModel c) {
        if (c.identity() != null) {
            return ident(c.name()) + " " + c.type() + " GENERATED " + c.identity() + " AS IDENTITY"
                    + (c.identityOptions() == null ? "" : " (" + c.identityOptions().clause() + ")") + (c.notNull() ? " NOT NULL" : "");
        }
        if (c.generated() != null) {
            return ident(c.name()) + " " + c.type() + collate(c) + " GENERATED ALWAYS AS (" + c.generated() + ") STORED"
                    + (c.notNull() ? " NOT NULL" : "");
        }
        if (c.isSerial(table)) {
            return ident(c.name()) + " " + serialType(c.type()) + (c.notNull() ? " NOT NULL" : "");
        }
        return ident(c.name()) + " " + c.type() + collate(c)
                + (c.defaultExpression() == null ? "" : " DEFAULT " + c.defaultExpression())
                + (c.notNull() ? " NOT NULL" : "");
    }

    private static String collate(ColumnModel c) {
        return c.collation() == null ? "" : " COLLATE " + ident(c.collation());
    }

    private static String serialType(String type) {
        return switch (type) {
            case "bigint" -> "bigserial";
            case "smallint" -> "smallserial";
            default -> "serial";
        };
    }

    static String keyConstraint(KeyConstraint k, String kind) {
        return "CONSTRAINT " + ident(k.name()) + " " + kind + (k.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "")
                + " (" + columns(k.columns()) + ")" + deferral(k.deferrable(), k.initiallyDeferred());
    }

    static String deferral(boolean deferrable, boolean initiallyDeferred) {
        return initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : deferrable ? " DEFERRABLE" : "";
    }

    /** The constraint clause, without its NOT VALID. */
    static String foreignKey(ForeignKeyModel fk) {
        return "FOREIGN KEY (" + columns(fk.columns()) + ") REFERENCES " + Sql.relation(fk.targetTable()) + " ("
                + columns(fk.targetColumns()) + ")" + (fk.matchFull() ? " MATCH FULL" : "")
                + (fk.onUpdate() == org.somaagent01.migrator.model.ForeignKeyAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql)
                + (fk.onDelete() == org.somaagent01.migrator.model.ForeignKeyAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql)
                + deferral(fk.deferrable(), fk.initiallyDeferred());
    }

    static String createIndex(String table, IndexModel ix) {
        return createIndex(table, ix, ix.name(), false);
    }

    /** CREATE INDEX for {@code ix} under {@code name}; CONCURRENTLY builds it without blocking writes. */
    static String createIndex(String table, IndexModel ix, String name, boolean concurrently) {
        // loops, not streams: a 1,000-table plan renders thousands of these in cold (interpreted) code
        StringBuilder sql = new StringBuilder(128).append("CREATE ").append(ix.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(concurrently ? "CONCURRENTLY " : "").append("IF NOT EXISTS ").append(ident(name)).append(" ON ")
                .append(ident(table)).append(" USING ").append(ix.method()).append(" (");
        for (int i = 0; i < ix.keys().size(); i++) {
            IndexModel.IndexKey k = ix.keys().get(i);
            if (i > 0) sql.append(", ");
            sql.append(k.expression().startsWith("(") ? k.expression() : ident(k.expression()));
            if (k.collation() != null) sql.append(" COLLATE ").append(ident(k.collation()));
            if (k.opclass() != null) sql.append(' ').append(k.opclass());
            if (k.descending()) sql.append(" DESC");
            if (k.nulls() != null) sql.append(" NULLS ").append(k.nulls());
        }
        sql.append(')');
        if (!ix.include().isEmpty()) sql.append(" INCLUDE (").append(columns(ix.include())).append(')');
        if (ix.nullsNotDistinct()) sql.append(" NULLS NOT DISTINCT");
        if (!ix.with().isEmpty()) {
            // in their declared order, which PostgreSQL keeps
            sql.append(" WITH (");
            for (int i = 0; i < ix.with().size(); i++) sql.append(i > 0 ? ", " : "").append(storageParameter(ix.with().get(i)));
            sql.append(')');
        }
        if (ix.predicate() != null) sql.append(" WHERE ").append(ix.predicate());
        return sql.toString();
    }

    private static String storageParameter(String parameter) {
        String value = StorageParameters.value(parameter);
        return StorageParameters.name(parameter) + " = " + (value.matches("-?[0-9.]+|on|off|true|false") ? value : literal(value));
    }

    static String columns(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String n : names) out.append(out.length() > 0 ? ", " : "").append(ident(n));
        return out.toString();
    }

    /** Wraps DDL that has no IF NOT EXISTS form so that an existing object is not an error. */
    static String ignoreDuplicate(String ddl) {
        return "DO $$ BEGIN\n    " + ddl + ";\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$";
    }

    /** Row-level security and policy changes. */
    private static void rowSecurity() {
        on(Change.SetRowSecurity.class, c -> List.of("ALTER TABLE IF EXISTS " + ident(c.table())
                + (c.enabled() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY"));
        on(Change.SetForceRowSecurity.class, c -> List.of("ALTER TABLE IF EXISTS " + ident(c.table())
                + (c.forced() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY"));
        // CREATE POLICY has no IF NOT EXISTS
        on(Change.CreatePolicy.class, c -> List.of("DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_policy"
                + " WHERE polrelid = to_regclass(" + literal(ident(c.table())) + ") AND polname = " + literal(c.policy().name())
                + ") THEN\n        CREATE POLICY " + ident(c.policy().name()) + " ON " + ident(c.table()) + " AS "
                + (c.policy().permissive() ? "PERMISSIVE" : "RESTRICTIVE") + " FOR " + c.policy().command()
                + policyClauses(c.policy()) + ";\n    END IF;\nEND $$"));
        on(Change.DropPolicy.class, c -> List.of("DROP POLICY IF EXISTS " + ident(c.policy().name()) + " ON "
                + ident(c.table())));
        on(Change.AlterPolicy.class, c -> List.of("ALTER POLICY " + ident(c.to().name()) + " ON "
                + ident(c.table()) + policyClauses(c.to())));
    }

    private static String policyClauses(org.somaagent01.migrator.model.PolicyModel p) {
        return " TO " + p.roles().stream().map(r -> r.equals(org.somaagent01.migrator.model.PolicyModel.PUBLIC) ? "PUBLIC" : ident(r))
                .collect(Collectors.joining(", "))
                + (p.using() == null ? "" : " USING (" + p.using() + ")")
                + (p.withCheck() == null ? "" : " WITH CHECK (" + p.withCheck() + ")");
    }

    /** GRANT and REVOKE: a revoked default privilege is applied by a REVOKE and removed by a GRANT. */
    private static void privileges() {
        on(Change.Grant.class, c -> List.of(c.grant().revoked() ? revoke(c.grant()) : grant(c.grant())));
        on(Change.Revoke.class, c -> List.of(onlyIfExists(c.grant(), c.grant().revoked() ? grant(c.grant())
                : revoke(c.grant()))));
    }

    private static String grant(org.somaagent01.migrator.model.GrantModel g) {
        return "GRANT " + privilegeOn(g) + " TO " + grantee(g) + (g.grantOption() ? " WITH GRANT OPTION" : "");
    }

    private static String revoke(org.somaagent01.migrator.model.GrantModel g) {
        return "REVOKE " + privilegeOn(g) + " FROM " + grantee(g);
    }

    /** GRANT and REVOKE have no IF EXISTS; a removal runs before the object is dropped, which on a re-run is gone already. */
    private static String onlyIfExists(org.somaagent01.migrator.model.GrantModel g, String statement) {
        return "DO $$ BEGIN\n    IF " + exists(g) + " THEN\n        " + statement + ";\n    END IF;\nEND $$";
    }

    private static String privilegeOn(org.somaagent01.migrator.model.GrantModel g) {
        switch (g.kind()) {
            case "COLUMN": return g.privilege() + " (" + ident(g.column()) + ") ON TABLE " + ident(g.relation());
            case "FUNCTION": return g.privilege() + " ON FUNCTION " + ident(g.relation()) + g.object().substring(g.object().indexOf('('));
            default: return g.privilege() + " ON " + g.kind() + " " + ident(g.object());
        }
    }

    private static String grantee(org.somaagent01.migrator.model.GrantModel g) {
        return g.grantee().equals(org.somaagent01.migrator.model.PolicyModel.PUBLIC) ? "PUBLIC" : ident(g.grantee());
    }

    private static String exists(org.somaagent01.migrator.model.GrantModel g) {
        switch (g.kind()) {
            case "COLUMN": return "EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(" + literal(ident(g.relation()))
                    + ") AND attname = " + literal(g.column()) + " AND NOT attisdropped)";
            // by its identity arguments as the model keeps them, names included, which to_regprocedure cannot parse
            case "FUNCTION": {
                String arguments = g.object().substring(g.object().indexOf('(') + 1, g.object().length() - 1);
                return "EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND proname = "
                        + literal(g.relation()) + " AND pg_get_function_identity_arguments(oid) = " + literal(arguments) + ")";
            }
            case "SCHEMA": return "to_regnamespace(" + literal(ident(g.object())) + ") IS NOT NULL";
            default: return "to_regclass(" + literal(ident(g.object())) + ") IS NOT NULL";
        }
    }

    /** Removing a comment precedes dropping its object, which on a re-run is gone already: then it does nothing. */
    private static String objectComment(Change.SetObjectComment c) {
        int dot = c.name().lastIndexOf('.');
        String target = switch (c.kind()) {
            case "CONSTRAINT" -> ident(c.name().substring(dot + 1)) + " ON " + ident(c.name().substring(0, dot));
            case "COLUMN" -> ident(c.name().substring(0, dot)) + "." + ident(c.name().substring(dot + 1));
            default -> ident(c.name());
        };
        String ddl = "COMMENT ON " + c.kind() + " " + target + " IS " + (c.to() == null ? "NULL" : literal(c.to()));
        if (c.to() != null) return ddl;
        String exists = switch (c.kind()) {
            case "CONSTRAINT" -> "EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass("
                    + literal(ident(c.name().substring(0, dot))) + ") AND conname = " + literal(c.name().substring(dot + 1)) + ")";
            case "COLUMN" -> "EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass("
                    + literal(ident(c.name().substring(0, dot))) + ") AND attname = " + literal(c.name().substring(dot + 1))
                    + " AND NOT attisdropped)";
            // only a relation of that kind: on a re-run, a view may have become materialized (or back)
            default -> "EXISTS (SELECT 1 FROM pg_class WHERE oid = to_regclass(" + literal(ident(c.name())) + ") AND relkind IN ("
                    + switch (c.kind()) {
                        case "VIEW" -> "'v'";
                        case "MATERIALIZED VIEW" -> "'m'";
                        case "SEQUENCE" -> "'S'";
                        default -> "'i', 'I'"; // an index of a partitioned table is an 'I'
                    } + "))";
        };
        return "DO $$ BEGIN\n    IF " + exists + " THEN\n        " + ddl + ";\n    END IF;\nEND $$";
    }
}
