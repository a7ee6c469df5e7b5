package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.CompositeTypeModel;
import org.somaagent01.migrator.model.DomainModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.GrantModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.PolicyModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.sql.Sql;

/**
 * What each change needs and provides, as object keys: {@code rel:t} (a table, view or materialized view),
 * {@code column:t.c}, {@code type:e} (enum, domain or composite type), {@code function:name(args)}, {@code index:i}
 * (also the index of a key or exclusion constraint), {@code constraint:t.k}, {@code key:t(c1,c2)} (a unique key a
 * foreign key can rely on), {@code sequence:s}, {@code trigger:t.g}, {@code policy:t.p}, {@code extension:e},
 * {@code collation:c}, {@code schema:s}. Views read what {@code pg_depend} recorded ({@link ViewModel#reads()}); columns read their
 * types, sequences (defaults) and, when generated, the columns of their expression; indexes, CHECKs, policies and
 * triggers the columns they mention; foreign keys their columns and their target's key.
 *
 * <p>A key only orders changes when another change of the same list drops, creates or alters that object, so an
 * object the list does not touch costs nothing. {@link ChangeOrder} turns the keys into edges.
 */
final class Dependencies {
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([^']+)'");

    private final SchemaModel from;
    private final SchemaModel to;
    // the routines dropped or created (not replaced in place): only their keys order what calls them
    private final List<FunctionModel> movedRoutines = new ArrayList<>();

    // the same of the database's other schemas, which calls print qualified
    private final RoutinesElsewhere elsewhere;

    /** The two sides of the changes: where the tables they name are looked up (the columns an expression reads). */
    Dependencies(SchemaModel from, SchemaModel to) {
        this(from, to, RoutinesElsewhere.NONE);
    }

    Dependencies(SchemaModel from, SchemaModel to, RoutinesElsewhere elsewhere) {
        this.from = from;
        this.to = to;
        this.elsewhere = elsewhere;
        movedRoutines.addAll(RoutineDiffer.going(from, to));
        movedRoutines.addAll(RoutineDiffer.coming(from, to));
    }

    /**
     * The keys of one change: what it drops ({@code gone}) and creates ({@code made}); what it alters so that
     * PostgreSQL refuses the change under a dependent ({@code alters}: a column's type or collation); what it reads
     * as it was, as a dependent being dropped ({@code before}: it goes before the drop or alteration of those), and
     * as it will be, as a dependent being created ({@code after}: it comes after their creation or alteration);
     * what it only needs to exist, the old one ({@code usesOld}: before its drop) or the new one ({@code usesNew}:
     * after its creation) — comments, privileges, in-place options, which no alteration disturbs.
     */
    record Keys(Set<String> gone, Set<String> made, Set<String> alters, Set<String> before, Set<String> after,
                Set<String> usesOld, Set<String> usesNew) {
        static Keys empty() {
            return new Keys(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                    new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
        }

        /** The same keys renamed (put in a schema's space, so that schemas' objects of one name stay apart). */
        Keys qualified(java.util.function.UnaryOperator<String> name) {
            return new Keys(q(gone, name), q(made, name), q(alters, name), q(before, name), q(after, name),
                    q(usesOld, name), q(usesNew, name));
        }

        private static Set<String> q(Set<String> keys, java.util.function.UnaryOperator<String> name) {
            if (keys.isEmpty()) return Set.of(); // most of a change's seven sets; ChangeOrder only reads them
            Set<String> out = new LinkedHashSet<>();
            for (String k : keys) out.add(name.apply(k));
            return out;
        }
    }

    Keys of(Change change) {
        Keys k = Keys.empty();
        add(change, k);
        k.before().removeAll(k.gone());
        k.after().removeAll(k.made());
        k.usesOld().removeAll(k.gone());
        k.usesNew().removeAll(k.made());
        return k;
    }

    private void add(Change change, Keys k) {
        // one small method per family rather than one chain of eighty: the JIT compiles only the families a diff
        // has (a single method of that size took 20 ms of compiling in a 1,000-table diff), and the common
        // families are asked first
        if (change instanceof Change.OnPartitionedTable c) {
            add(c.change(), k);
        } else if (!columnKeys(change, k) && !constraintAndIndexKeys(change, k) && !relationKeys(change, k)
                && !typeKeys(change, k)) {
            otherKeys(change, k);
        }
    }

    /** A change of one column. False when {@code change} is not one. */
    private boolean columnKeys(Change change, Keys k) {
        if (change instanceof Change.AddColumn c) {
            column(c.table(), c.column(), k.made(), k.after());
            appended(to, c.table(), c.column().name(), k.usesNew());
        } else if (change instanceof Change.DropColumn c) {
            column(c.table(), c.column(), k.gone(), k.before());
            appended(from, c.table(), c.column().name(), k.usesOld());
        } else if (change instanceof Change.SetNotNull c) {
            k.usesNew().add(column(c.table(), c.column()));
        } else if (change instanceof Change.SetColumnDefault c) {
            k.usesNew().add(column(c.table(), c.column()));
            sequences(c.from(), k.before());
            sequences(c.to(), k.after());
            calls(c.from(), k.before());
            calls(c.to(), k.after());
        } else if (change instanceof Change.AlterColumnType c) {
            k.alters().add(column(c.table(), c.column()));
            k.before().add(type(c.from()));
            k.after().add(type(c.to()));
        } else if (change instanceof Change.SetColumnCollation c) {
            k.alters().add(column(c.table(), c.column()));
            if (c.from() != null) k.before().add(collation(c.from()));
            if (c.to() != null) k.after().add(collation(c.to()));
        } else if (change instanceof Change.RenameColumn c) {
            k.gone().add(column(c.table(), c.from()));
            k.made().add(column(c.table(), c.to()));
            k.after().add(rel(c.table()));
        } else if (change instanceof Change.AddReplacedColumn c) {
            column(c.table(), c.column(), k.made(), k.after());
            appended(to, c.table(), c.column().name(), k.usesNew());
        } else if (change instanceof Change.DropReplacedColumn c) {
            column(c.table(), c.column(), k.gone(), k.before());
            appended(from, c.table(), c.column().name(), k.usesOld());
        } else if (change instanceof Change.SetIdentity c) {
            k.usesNew().add(column(c.table(), c.column()));
        } else if (change instanceof Change.SetIdentityOptions c) {
            k.usesNew().add(column(c.table(), c.column()));
        } else if (change instanceof Change.SetColumnComment c) {
            (c.to() == null ? k.usesOld() : k.usesNew()).add(column(c.table(), c.column()));
        } else {
            return false;
        }
        return true;
    }

    /** A change of a constraint or an index. False when {@code change} is not one. */
    private boolean constraintAndIndexKeys(Change change, Keys k) {
        if (change instanceof Change.CreateIndex c) {
            index(c.table(), c.index(), k.made(), k.after());
        } else if (change instanceof Change.DropIndex c) {
            index(c.table(), c.index(), k.gone(), k.before());
        } else if (change instanceof Change.AddForeignKey c) {
            foreignKey(c.table(), c.foreignKey(), k.made(), k.after());
        } else if (change instanceof Change.DropForeignKey c) {
            foreignKey(c.table(), c.foreignKey(), k.gone(), k.before());
        } else if (change instanceof Change.SetForeignKeyValidated c) {
            (c.validated() ? k.usesNew() : k.made()).add(constraint(c.table(), c.foreignKey().name()));
            if (!c.validated()) k.gone().add(constraint(c.table(), c.foreignKey().name()));
            foreignKey(c.table(), c.foreignKey(), new LinkedHashSet<>(), k.after());
        } else if (change instanceof Change.AddPrimaryKey c) {
            key(c.table(), c.key(), k.made(), k.after());
        } else if (change instanceof Change.DropPrimaryKey c) {
            key(c.table(), c.key(), k.gone(), k.before());
        } else if (change instanceof Change.AddUnique c) {
            key(c.table(), c.key(), k.made(), k.after());
        } else if (change instanceof Change.DropUnique c) {
            key(c.table(), c.key(), k.gone(), k.before());
        } else if (change instanceof Change.AddCheck c) {
            check(c.table(), c.check(), k.made(), k.after());
        } else if (change instanceof Change.DropCheck c) {
            check(c.table(), c.check(), k.gone(), k.before());
        } else if (change instanceof Change.SetCheckValidated c) {
            // made NOT VALID again, it is dropped and added
            (c.validated() ? k.usesNew() : k.made()).add(constraint(c.table(), c.check().name()));
            if (!c.validated()) k.gone().add(constraint(c.table(), c.check().name()));
            mentioned(c.table(), c.check().expression(), k.after());
        } else if (change instanceof Change.AddExclusion c) {
            exclusion(c.table(), c.exclusion().name(), c.exclusion().definition(), k.made(), k.after());
        } else if (change instanceof Change.DropExclusion c) {
            exclusion(c.table(), c.exclusion().name(), c.exclusion().definition(), k.gone(), k.before());
        } else {
            return false;
        }
        return true;
    }

    /** A change of a table, partition, view or sequence as a whole. False when {@code change} is not one. */
    private boolean relationKeys(Change change, Keys k) {
        if (change instanceof Change.CreateTable c) {
            table(c.table(), k.made(), k.after());
        } else if (change instanceof Change.DropTable c) {
            table(c.table(), k.gone(), k.before());
            goesWith(c.table(), k.gone());
        } else if (change instanceof Change.CreatePartitioned c) {
            table(c.table(), k.made(), k.after());
            for (TableModel t : c.partitions()) table(t, k.made(), k.after());
        } else if (change instanceof Change.DropPartitioned c) {
            table(c.table(), k.gone(), k.before());
            goesWith(c.table(), k.gone());
            for (TableModel t : c.partitions()) {
                table(t, k.gone(), k.before());
                goesWith(t, k.gone());
            }
        } else if (change instanceof Change.RenameTable c) {
            k.gone().add(rel(c.from()));
            k.made().add(rel(c.to()));
        } else if (change instanceof Change.SetUnlogged c) {
            k.usesNew().add(rel(c.table()));
        } else if (change instanceof Change.SetTableComment c) {
            (c.to() == null ? k.usesOld() : k.usesNew()).add(rel(c.table()));
        } else if (change instanceof Change.AttachPartition c) {
            k.after().add(rel(c.table()));
            k.after().add(rel(c.parent()));
        } else if (change instanceof Change.DetachPartition c) {
            k.before().add(rel(c.table()));
            k.before().add(rel(c.parent()));
        } else if (change instanceof Change.CreateView c) {
            view(c.view(), k.made(), k.after());
        } else if (change instanceof Change.DropView c) {
            view(c.view(), k.gone(), k.before());
        } else if (change instanceof Change.CreateSequence c) {
            k.made().add(sequence(c.sequence().name()));
        } else if (change instanceof Change.DropSequence c) {
            k.gone().add(sequence(c.sequence().name()));
        } else if (change instanceof Change.AlterSequence c) {
            // after the creation of a sequence a new serial column makes, before the drop of one that goes with its column
            k.usesNew().add(sequence(c.from().name()));
            k.usesOld().add(sequence(c.from().name()));
        } else if (change instanceof Change.SetSequenceOwner c) {
            // the sequence exists (a new serial column makes it), and is let go before it is dropped
            k.usesNew().add(sequence(c.sequence()));
            if (c.to() == null) k.usesOld().add(sequence(c.sequence()));
            if (c.from() != null) {
                // the old owner: before it goes, or, a new serial column letting its sequence go, after it came
                String table = c.from().substring(0, c.from().lastIndexOf('.'));
                boolean existed = from.tables().containsKey(table)
                        && from.tables().get(table).column(c.from().substring(table.length() + 1)).isPresent();
                (existed ? k.usesOld() : k.usesNew()).add("column:" + c.from());
            }
            if (c.to() != null) k.usesNew().add("column:" + c.to());
        } else {
            return false;
        }
        return true;
    }

    /** A change of a collation, an enum, a domain or a composite type. False when {@code change} is not one. */
    private boolean typeKeys(Change change, Keys k) {
        if (change instanceof Change.CreateCollation c) {
            k.made().add(collation(c.collation().name()));
        } else if (change instanceof Change.DropCollation c) {
            k.gone().add(collation(c.collation().name()));
        } else if (change instanceof Change.ReplaceCollation c) {
            k.gone().add(collation(c.from().name()));
            k.made().add(collation(c.to().name()));
            for (Change.CollatedColumn u : c.users()) k.alters().add(column(u.table(), u.column()));
        } else if (change instanceof Change.CreateEnum c) {
            k.made().add(type(c.type().name()));
        } else if (change instanceof Change.DropEnum c) {
            k.gone().add(type(c.type().name()));
        } else if (change instanceof Change.AddEnumValue c) {
            k.usesNew().add(type(c.type()));
        } else if (change instanceof Change.RenameEnumValue c) {
            k.usesNew().add(type(c.type()));
        } else if (change instanceof Change.SwapEnumType c) {
            // the type is swapped under its own name; what PostgreSQL guards are the columns converted
            k.usesNew().add(type(c.type()));
            for (Change.EnumColumn u : c.users()) k.alters().add(column(u.table(), u.column()));
        } else if (change instanceof Change.CreateDomain c) {
            k.made().add(type(c.domain().name()));
            domain(c.domain(), k.after());
        } else if (change instanceof Change.DropDomain c) {
            k.gone().add(type(c.domain().name()));
            domain(c.domain(), k.before());
        } else if (change instanceof Change.ReplaceDomain c) {
            k.gone().add(type(c.from().name()));
            k.made().add(type(c.to().name()));
            domain(c.from(), k.before());
            domain(c.to(), k.after());
            for (Change.EnumColumn u : c.users()) k.alters().add(column(u.table(), u.column()));
        } else if (change instanceof Change.SetDomainDefault c) {
            k.usesNew().add(type(c.domain()));
            calls(c.from(), k.before());
            calls(c.to(), k.after());
        } else if (change instanceof Change.SetDomainNotNull c) {
            k.usesNew().add(type(c.domain()));
        } else if (change instanceof Change.AddDomainCheck c) {
            k.usesNew().add(type(c.domain()));
            calls(c.check().expression(), k.after());
        } else if (change instanceof Change.DropDomainCheck c) {
            k.usesNew().add(type(c.domain()));
            calls(c.check().expression(), k.before());
        } else if (change instanceof Change.CreateCompositeType c) {
            k.made().add(type(c.type().name()));
            for (CompositeTypeModel.Attribute a : c.type().attributes()) k.after().add(type(a.type()));
        } else if (change instanceof Change.DropCompositeType c) {
            k.gone().add(type(c.type().name()));
            for (CompositeTypeModel.Attribute a : c.type().attributes()) k.before().add(type(a.type()));
        } else if (change instanceof Change.AddAttribute c) {
            k.usesNew().add(type(c.type()));
            k.after().add(type(c.attribute().type()));
        } else if (change instanceof Change.DropAttribute c) {
            k.usesNew().add(type(c.type()));
            k.before().add(type(c.attribute().type()));
        } else if (change instanceof Change.AlterAttributeType c) {
            // PostgreSQL refuses it while a column uses the type: a column that goes goes before, one that comes after
            k.usesNew().add(type(c.type()));
            k.alters().add(type(c.type()));
            k.before().add(type(c.from().type()));
            k.after().add(type(c.to().type()));
        } else if (change instanceof Change.ReplaceCompositeType c) {
            // the type stays itself to what uses it (as with an attribute retyped in place): attributes that go are
            // dropped before, new ones added after, in the order they are emitted; columns of it that go or come
            // (not converted by the swap) go before it and come after, as its DROP TYPE would fail under them
            k.usesNew().add(type(c.to().name()));
            k.alters().add(type(c.to().name()));
            for (CompositeTypeModel.Attribute a : c.from().attributes()) k.before().add(type(a.type()));
            for (CompositeTypeModel.Attribute a : c.to().attributes()) k.after().add(type(a.type()));
            for (Change.EnumColumn u : c.users()) k.alters().add(column(u.table(), u.column()));
        } else {
            return false;
        }
        return true;
    }

    /** A change of a schema, an extension, a routine, a trigger, row security, a privilege or an object comment. */
    private void otherKeys(Change change, Keys k) {
        if (change instanceof Change.CreateSchema c) {
            k.made().add("schema:" + c.schema());
        } else if (change instanceof Change.DropSchema c) {
            k.gone().add("schema:" + c.schema());
        } else if (change instanceof Change.CreateExtension c) {
            k.made().add("extension:" + c.extension().name());
        } else if (change instanceof Change.DropExtension c) {
            k.gone().add("extension:" + c.extension().name());
        } else if (change instanceof Change.UpdateExtension c) {
            k.usesNew().add("extension:" + c.name());
        } else if (change instanceof Change.CreateFunction c) {
            k.made().add(function(c.function().callSignature()));
        } else if (change instanceof Change.DropFunction c) {
            k.gone().add(function(c.function().callSignature()));
        } else if (change instanceof Change.ReplaceFunction c) {
            k.usesNew().add(function(c.from().callSignature()));
        } else if (change instanceof Change.CreateTrigger c) {
            trigger(c.trigger(), k.made(), k.after());
        } else if (change instanceof Change.DropTrigger c) {
            trigger(c.trigger(), k.gone(), k.before());
        } else if (change instanceof Change.SetTriggerEnabled c) {
            k.usesNew().add(trigger(c.trigger()));
        } else if (change instanceof Change.SetRowSecurity c) {
            (c.enabled() ? k.usesNew() : k.usesOld()).add(rel(c.table()));
        } else if (change instanceof Change.SetForceRowSecurity c) {
            (c.forced() ? k.usesNew() : k.usesOld()).add(rel(c.table()));
        } else if (change instanceof Change.CreatePolicy c) {
            policy(c.table(), c.policy(), k.made(), k.after());
        } else if (change instanceof Change.DropPolicy c) {
            policy(c.table(), c.policy(), k.gone(), k.before());
        } else if (change instanceof Change.AlterPolicy c) {
            k.usesNew().add(policy(c.table(), c.from().name()));
            policyReads(c.table(), c.from(), k.before());
            policyReads(c.table(), c.to(), k.after());
        } else if (change instanceof Change.Grant c) {
            k.usesNew().add(object(c.grant()));
        } else if (change instanceof Change.Revoke c) {
            k.usesOld().add(object(c.grant()));
        } else if (change instanceof Change.SetObjectComment c) {
            (c.to() == null ? k.usesOld() : k.usesNew()).add(commented(c.kind(), c.name()));
        }
        // SetSearchPath names no object
    }

    static String rel(String name) { return "rel:" + name; }

    static String column(String table, String column) { return "column:" + table + "." + column; }

    static String constraint(String table, String name) { return "constraint:" + table + "." + name; }

    static String index(String name) { return "index:" + name; }

    static String sequence(String name) { return "sequence:" + unquoted(name); }

    static String function(String callSignature) { return "function:" + callSignature; }

    static String trigger(TriggerModel t) { return "trigger:" + t.table() + "." + t.name(); }

    static String policy(String table, String name) { return "policy:" + table + "." + name; }

    static String collation(String name) { return "collation:" + unquoted(name); }

    /** {@code type:} of a type as a column prints it: without array brackets and modifiers. */
    static String type(String printed) {
        String t = printed.strip();
        while (t.endsWith("[]")) t = t.substring(0, t.length() - 2);
        int paren = t.indexOf('(');
        if (paren > 0 && !t.startsWith("\"")) t = t.substring(0, paren).strip();
        return "type:" + unquoted(t);
    }

    /** A key (primary, unique, unique index) on these columns, whichever order they are listed in. */
    static String uniqueKey(String table, List<String> columns) {
        return "key:" + table + "(" + String.join(",", columns.stream().sorted().toList()) + ")";
    }

    /** A name without its double quotes when it is one quoted identifier ({@code "a"."b"} stays as it is). */
    private static String unquoted(String name) {
        if (name.length() < 2 || !name.startsWith("\"") || !name.endsWith("\"")) return name;
        String inner = name.substring(1, name.length() - 1);
        return inner.replace("\"\"", "").contains("\"") ? name : inner.replace("\"\"", "\"");
    }

    private void table(TableModel t, Set<String> own, Set<String> reads) {
        own.add(rel(t.name()));
        for (ColumnModel c : t.columns()) column(t.name(), c, own, reads);
        if (t.primaryKey() != null) key(t.name(), t.primaryKey(), own, reads);
        for (KeyConstraint u : t.uniques().values()) key(t.name(), u, own, reads);
        for (CheckModel ck : t.checks().values()) check(t.name(), ck, own, reads);
        for (var ex : t.exclusions().values()) exclusion(t.name(), ex.name(), ex.definition(), own, reads);
        for (String parent : t.shape().parents()) reads.add(rel(parent));
        if (t.shape().partitionOf() != null) reads.add(rel(t.shape().partitionOf()));
    }

    /** What a dropped table takes along though it came separately: its indexes and triggers. */
    private static void goesWith(TableModel t, Set<String> gone) {
        for (IndexModel ix : t.indexes().values()) gone.add(index(ix.name()));
        for (TriggerModel trg : t.triggers().values()) gone.add(trigger(trg));
    }

    private void column(String table, ColumnModel c, Set<String> own, Set<String> reads) {
        own.add(column(table, c.name()));
        // a serial column makes (and takes along) its sequence
        if (c.isSerial(table)) own.add(sequence(table + "_" + c.name() + "_seq"));
        reads.add(rel(table));
        reads.add(type(c.type()));
        if (c.collation() != null) reads.add(collation(c.collation()));
        sequences(c.defaultExpression(), reads);
        calls(c.defaultExpression(), reads);
        if (c.generated() != null) {
            mentioned(table, c.generated(), reads);
            calls(c.generated(), reads);
        }
    }

    /**
     * Columns are added at the end, so the added ones of a table in the order they have in {@code to}; they are
     * dropped last-first, so that the way back adds them in the order they had: each added after (dropped before)
     * the columns before it.
     */
    private static void appended(SchemaModel side, String table, String name, Set<String> uses) {
        TableModel t = side.tables().get(table);
        if (t == null) return;
        for (ColumnModel c : t.columns()) {
            if (c.name().equals(name)) return;
            uses.add(column(table, c.name()));
        }
    }

    private static void sequences(String expression, Set<String> reads) {
        if (expression == null) return;
        Matcher m = NEXTVAL.matcher(expression);
        while (m.find()) reads.add(sequence(m.group(1)));
    }

    private void domain(DomainModel d, Set<String> reads) {
        reads.add(type(d.type()));
        calls(d.defaultExpression(), reads);
        for (CheckModel ck : d.checks().values()) calls(ck.expression(), reads);
    }

    private void key(String table, KeyConstraint key, Set<String> own, Set<String> reads) {
        own.add(constraint(table, key.name()));
        own.add(index(key.name()));
        own.add(uniqueKey(table, key.columns()));
        reads.add(rel(table));
        for (String c : key.columns()) reads.add(column(table, c));
    }

    private void check(String table, CheckModel ck, Set<String> own, Set<String> reads) {
        own.add(constraint(table, ck.name()));
        reads.add(rel(table));
        mentioned(table, ck.expression(), reads);
    }

    private void exclusion(String table, String name, String definition, Set<String> own, Set<String> reads) {
        own.add(constraint(table, name));
        own.add(index(name));
        reads.add(rel(table));
        mentioned(table, definition, reads);
    }

    private void foreignKey(String table, ForeignKeyModel fk, Set<String> own, Set<String> reads) {
        own.add(constraint(table, fk.name()));
        reads.add(rel(table));
        for (String c : fk.columns()) reads.add(column(table, c));
        reads.add(rel(fk.targetTable()));
        for (String c : fk.targetColumns()) reads.add(column(fk.targetTable(), c));
        reads.add(uniqueKey(fk.targetTable(), fk.targetColumns()));
    }

    private void index(String table, IndexModel ix, Set<String> own, Set<String> reads) {
        own.add(index(ix.name()));
        reads.add(rel(table));
        List<String> plain = new ArrayList<>();
        for (IndexModel.IndexKey key : ix.keys()) {
            if (key.expression().startsWith("(")) {
                mentioned(table, key.expression(), reads);
            } else {
                reads.add(column(table, key.expression()));
                plain.add(key.expression());
            }
        }
        for (String c : ix.include()) reads.add(column(table, c));
        mentioned(table, ix.predicate(), reads);
        if (ix.unique() && ix.predicate() == null && plain.size() == ix.keys().size()) own.add(uniqueKey(table, plain));
    }

    private void trigger(TriggerModel t, Set<String> own, Set<String> reads) {
        own.add(trigger(t));
        reads.add(rel(t.table()));
        reads.add(function(t.function().contains("(") ? t.function() : t.function() + "()"));
        for (String c : t.updateColumns()) reads.add(column(t.table(), c));
        if (t.when() != null) {
            for (String c : columnsOf(t.table())) if (Identifiers.mentionsInTrigger(t.when(), c)) reads.add(column(t.table(), c));
        }
    }

    private void view(ViewModel v, Set<String> own, Set<String> reads) {
        own.add(rel(v.name()));
        for (String read : v.reads()) {
            // schema:t.c in another schema: keyed qualified, which DatabaseDiffer puts in that schema's space
            int colon = read.indexOf(':');
            String qualifier = colon < 0 ? "" : Sql.ident(read.substring(0, colon)) + ".";
            String local = read.substring(colon + 1);
            int dot = local.indexOf('.');
            String relation = qualifier + (dot < 0 ? local : local.substring(0, dot));
            reads.add(rel(relation));
            if (dot >= 0) reads.add(column(relation, local.substring(dot + 1)));
        }
        calls(v.definition(), reads);
        for (IndexModel ix : v.indexes().values()) index(v.name(), ix, own, reads);
        for (TriggerModel t : v.triggers().values()) trigger(t, own, reads);
    }

    private void policy(String table, PolicyModel p, Set<String> own, Set<String> reads) {
        own.add(policy(table, p.name()));
        reads.add(rel(table));
        policyReads(table, p, reads);
    }

    private void policyReads(String table, PolicyModel p, Set<String> reads) {
        mentioned(table, p.using(), reads);
        mentioned(table, p.withCheck(), reads);
    }

    private static String object(GrantModel g) {
        return switch (g.kind()) {
            case "COLUMN" -> column(g.relation(), g.column());
            case "FUNCTION" -> function(g.object());
            case "SEQUENCE" -> sequence(g.object());
            case "SCHEMA" -> "schema:" + g.object();
            default -> rel(g.object());
        };
    }

    private static String commented(String kind, String name) {
        return switch (kind) {
            // a view's column: its view (a view's columns are not objects of their own here)
            case "COLUMN" -> rel(name.substring(0, name.lastIndexOf('.')));
            case "SEQUENCE" -> sequence(name);
            case "INDEX" -> index(name);
            case "CONSTRAINT" -> "constraint:" + name;
            default -> rel(name);
        };
    }

    /** The columns of {@code table} that {@code expression} mentions. */
    private void mentioned(String table, String expression, Set<String> reads) {
        if (expression == null) return;
        for (String c : columnsOf(table)) if (Identifiers.mentions(expression, c)) reads.add(column(table, c));
        calls(expression, reads);
    }

    /** The routines dropped or created that the expression calls (by name: each overload of it). */
    private void calls(String expression, Set<String> reads) {
        if (expression == null) return;
        for (FunctionModel f : movedRoutines) if (Identifiers.calls(expression, f.name())) reads.add(function(f.callSignature()));
        for (RoutinesElsewhere.Moved m : elsewhere.moved()) if (Identifiers.calls(expression, m.callName())) reads.add(m.key());
    }

    private Set<String> columnsOf(String table) {
        Set<String> out = new LinkedHashSet<>();
        for (SchemaModel m : List.of(to, from)) {
            TableModel t = m.tables().get(table);
            if (t != null) for (ColumnModel c : t.columns()) out.add(c.name());
        }
        return out;
    }
}
