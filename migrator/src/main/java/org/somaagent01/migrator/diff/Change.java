package org.somaagent01.migrator.diff;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.CompositeTypeModel;
import org.somaagent01.migrator.model.DomainModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.ViewModel;

/**
 * One step from a schema towards another. Every change knows its exact inverse, so a script's down part is
 * the inverses of its up part in reverse order. {@link #destructive()} marks changes that can lose data.
 */
public sealed interface Change {
    Change inverse();

    default boolean destructive() { return false; }

    /**
     * True for {@code ALTER TYPE … ADD VALUE}: the new label cannot be used before the transaction that added it
     * commits, and before PostgreSQL 12 the statement could not run inside a transaction block at all. An executor
     * runs such a change in its own transaction, committed before the changes after it.
     */
    default boolean commitBeforeUse() { return false; }

    /**
     * The schema the changes after it are written for (their names are unqualified): {@code SET search_path TO to}
     * ({@code null}: back to the session's default). A database's changes come as runs, each opened by one of these
     * and the last closed by one back to null; the inverse sets {@code from}, so the down part, run in reverse,
     * opens each run with its own schema too.
     */
    record SetSearchPath(String from, String to) implements Change {
        public Change inverse() { return new SetSearchPath(to, from); }
    }

    record CreateSchema(String schema) implements Change {
        public Change inverse() { return new DropSchema(schema); }
    }

    /** Drops an (emptied) schema; destructive, as anything not modelled in it would go too. */
    record DropSchema(String schema) implements Change {
        public Change inverse() { return new CreateSchema(schema); }
        public boolean destructive() { return true; }
    }

    record CreateExtension(Extension extension) implements Change {
        public Change inverse() { return new DropExtension(extension); }
    }

    record DropExtension(Extension extension) implements Change {
        public Change inverse() { return new CreateExtension(extension); }
        public boolean destructive() { return true; }
    }

    /** An installed extension moved to another version (known on both sides, between two databases). */
    record UpdateExtension(String name, String from, String to) implements Change {
        public Change inverse() { return new UpdateExtension(name, to, from); }
    }

    record CreateEnum(EnumType type) implements Change {
        public Change inverse() { return new DropEnum(type); }
    }

    record DropEnum(EnumType type) implements Change {
        public Change inverse() { return new CreateEnum(type); }
        public boolean destructive() { return true; }
    }

    /** Creates the table with its columns, primary key, unique and check constraints (not FKs or indexes). */
    record CreateTable(TableModel table) implements Change {
        public Change inverse() { return new DropTable(table); }
    }

    record DropTable(TableModel table) implements Change {
        public Change inverse() { return new CreateTable(table); }
        public boolean destructive() { return true; }
    }

    record AddForeignKey(String table, ForeignKeyModel foreignKey) implements Change {
        public Change inverse() { return new DropForeignKey(table, foreignKey); }
    }

    record DropForeignKey(String table, ForeignKeyModel foreignKey) implements Change {
        public Change inverse() { return new AddForeignKey(table, foreignKey); }
    }

    record CreateIndex(String table, IndexModel index) implements Change {
        public Change inverse() { return new DropIndex(table, index); }
    }

    record DropIndex(String table, IndexModel index) implements Change {
        public Change inverse() { return new CreateIndex(table, index); }
    }

    /**
     * {@code recreated}: made for a definition of the same signature that {@code CREATE OR REPLACE} could not turn
     * into this one (dropped just before), or, for the drop, dropped for such a successor.
     */
    record CreateFunction(FunctionModel function, boolean recreated) implements Change {
        public CreateFunction(FunctionModel function) { this(function, false); }

        public Change inverse() { return new DropFunction(function, recreated); }
    }

    /**
     * {@code recreated}: dropped for a successor of the same signature; only while this definition is the one there,
     * so that a re-run, finding the successor, leaves it and what was since made on it (a default, a trigger).
     */
    record DropFunction(FunctionModel function, boolean recreated) implements Change {
        public DropFunction(FunctionModel function) { this(function, false); }

        public Change inverse() { return new CreateFunction(function, recreated); }
    }

    record CreateTrigger(TriggerModel trigger) implements Change {
        public Change inverse() { return new DropTrigger(trigger); }
    }

    record DropTrigger(TriggerModel trigger) implements Change {
        public Change inverse() { return new CreateTrigger(trigger); }
    }

    /** {@code ALTER TABLE … ENABLE [REPLICA|ALWAYS] | DISABLE TRIGGER}; a null state is plain {@code ENABLE}. */
    record SetTriggerEnabled(TriggerModel trigger, String from, String to) implements Change {
        public SetTriggerEnabled { trigger = trigger.withEnabled(to); }
        public Change inverse() { return new SetTriggerEnabled(trigger, to, from); }
    }

    record CreateCollation(org.somaagent01.migrator.model.CollationModel collation) implements Change {
        public Change inverse() { return new DropCollation(collation); }
    }

    record DropCollation(org.somaagent01.migrator.model.CollationModel collation) implements Change {
        public Change inverse() { return new CreateCollation(collation); }
    }

    /**
     * A collation defined anew: dropped and created, or, under the kept columns that use it ({@code users}: table,
     * column, type), swapped: a new one beside it, the columns moved to it, the old one dropped, the new one renamed.
     */
    record ReplaceCollation(org.somaagent01.migrator.model.CollationModel from,
                            org.somaagent01.migrator.model.CollationModel to, List<CollatedColumn> users) implements Change {
        public ReplaceCollation {
            users = List.copyOf(users);
        }

        public ReplaceCollation(org.somaagent01.migrator.model.CollationModel from,
                                org.somaagent01.migrator.model.CollationModel to) {
            this(from, to, List.of());
        }

        public Change inverse() { return new ReplaceCollation(to, from, users); }
    }

    /** A column of a collation: its table, name and type. */
    record CollatedColumn(String table, String column, String type) {}

    /** A routine an expression calls: of {@code schema}, or of the schema the change runs in when that is null. */
    record CalledRoutine(String schema, FunctionModel routine) {}

    /** {@code CREATE DOMAIN} with its default, NOT NULL and CHECKs (NOT VALID ones added after, unvalidated). */
    record CreateDomain(DomainModel domain) implements Change {
        public Change inverse() { return new DropDomain(domain); }
    }

    record DropDomain(DomainModel domain) implements Change {
        public Change inverse() { return new CreateDomain(domain); }
        public boolean destructive() { return true; }
    }

    /**
     * A domain whose base type or collation changes, which ALTER DOMAIN cannot do: dropped (unless it already is
     * {@code to}, so a re-run keeps it) and created as {@code to}. PostgreSQL refuses while a column uses it.
     */
    record ReplaceDomain(DomainModel from, DomainModel to, List<EnumColumn> users) implements Change {
        public ReplaceDomain {
            users = List.copyOf(users);
        }

        public ReplaceDomain(DomainModel from, DomainModel to) {
            this(from, to, List.of());
        }

        public Change inverse() { return new ReplaceDomain(to, from, users); }
        public boolean destructive() { return true; }
    }

    /** {@code ALTER DOMAIN … SET DEFAULT to}, or {@code DROP DEFAULT} when {@code to} is null. */
    record SetDomainDefault(String domain, String from, String to) implements Change {
        public Change inverse() { return new SetDomainDefault(domain, to, from); }
    }

    record SetDomainNotNull(String domain, boolean notNull) implements Change {
        public Change inverse() { return new SetDomainNotNull(domain, !notNull); }
    }

    /** {@code ALTER DOMAIN … ADD CONSTRAINT … CHECK (…) [NOT VALID]}; a changed CHECK is dropped and added. */
    record AddDomainCheck(String domain, CheckModel check) implements Change {
        public Change inverse() { return new DropDomainCheck(domain, check); }
    }

    record DropDomainCheck(String domain, CheckModel check) implements Change {
        public Change inverse() { return new AddDomainCheck(domain, check); }
    }

    record CreateCompositeType(CompositeTypeModel type) implements Change {
        public Change inverse() { return new DropCompositeType(type); }
    }

    record DropCompositeType(CompositeTypeModel type) implements Change {
        public Change inverse() { return new CreateCompositeType(type); }
        public boolean destructive() { return true; }
    }

    /** {@code ALTER TYPE … ADD ATTRIBUTE} (at the end: PostgreSQL cannot place it elsewhere). */
    record AddAttribute(String type, CompositeTypeModel.Attribute attribute) implements Change {
        public Change inverse() { return new DropAttribute(type, attribute); }
    }

    record DropAttribute(String type, CompositeTypeModel.Attribute attribute) implements Change {
        public Change inverse() { return new AddAttribute(type, attribute); }
        public boolean destructive() { return true; }
    }

    /** {@code ALTER TYPE … ALTER ATTRIBUTE … TYPE to [COLLATE …]}. */
    record AlterAttributeType(String type, CompositeTypeModel.Attribute from, CompositeTypeModel.Attribute to)
            implements Change {
        public Change inverse() { return new AlterAttributeType(type, to, from); }
    }

    /**
     * A composite type whose attributes change type or collation under columns that use it, which {@code ALTER TYPE
     * … ALTER ATTRIBUTE} refuses: {@code to} is created beside it, the columns converted to it through their text
     * form (defaults set aside meanwhile), the old type dropped and the new one renamed to its name; skipped when the
     * type already has {@code to}'s attribute types. {@code from} and {@code to} list the same attributes in the same
     * order: those that go are dropped before, new ones added after ({@link DropAttribute}, {@link AddAttribute}).
     */
    record ReplaceCompositeType(CompositeTypeModel from, CompositeTypeModel to, List<EnumColumn> users) implements Change {
        public ReplaceCompositeType {
            users = List.copyOf(users);
        }

        public Change inverse() { return new ReplaceCompositeType(to, from, users); }
    }

    /** {@code COMMENT ON TABLE}; a null comment removes it. */
    record SetTableComment(String table, String from, String to) implements Change {
        public Change inverse() { return new SetTableComment(table, to, from); }
    }

    record RenameTable(String from, String to) implements Change {
        public Change inverse() { return new RenameTable(to, from); }
    }

    record RenameColumn(String table, String from, String to) implements Change {
        public Change inverse() { return new RenameColumn(table, to, from); }
    }

    /** Adds the column at the end of the table (PostgreSQL cannot place it elsewhere). */
    record AddColumn(String table, ColumnModel column) implements Change {
        public Change inverse() { return new DropColumn(table, column); }
    }

    record DropColumn(String table, ColumnModel column) implements Change {
        public Change inverse() { return new AddColumn(table, column); }
        public boolean destructive() { return true; }
    }

    /**
     * Drops a column that comes back as {@code replacement} ({@link AddReplacedColumn}, later): a generated column's
     * expression cannot be altered, nor a column it reads retyped. Destructive: the column's values are recomputed,
     * and a generated column that becomes a plain one loses them. Does nothing if the column is already the
     * replacement and the columns it reads already have the types they had on the other side of this change
     * ({@code retypedReads}, column to type), so a re-run keeps it; but while a routine its expression calls still
     * has the definition that goes ({@code calledRoutines}: dropped, or dropped and created again, which prints the
     * same call; of this schema or another), the column is the one to drop.
     */
    record DropReplacedColumn(String table, ColumnModel column, ColumnModel replacement,
                              SortedMap<String, String> retypedReads, List<CalledRoutine> calledRoutines) implements Change {
        /** {@code retypedReads}: columns the generated column reads whose type changes, with their type before. */
        public DropReplacedColumn {
            retypedReads = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(retypedReads));
            calledRoutines = List.copyOf(calledRoutines);
        }

        public DropReplacedColumn(String table, ColumnModel column, ColumnModel replacement,
                                  SortedMap<String, String> retypedReads) {
            this(table, column, replacement, retypedReads, List.of());
        }

        public Change inverse() { return new AddReplacedColumn(table, column, replacement, retypedReads, calledRoutines); }
        public boolean destructive() { return true; }
    }

    /**
     * Adds {@code column} (at the end) where {@link DropReplacedColumn} dropped {@code replaced};
     * {@code calledRoutines} are those its expression calls that the way back drops (for {@link #inverse}).
     */
    record AddReplacedColumn(String table, ColumnModel column, ColumnModel replaced,
                             SortedMap<String, String> retypedReads, List<CalledRoutine> calledRoutines) implements Change {
        public AddReplacedColumn {
            retypedReads = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(retypedReads));
            calledRoutines = List.copyOf(calledRoutines);
        }

        public Change inverse() { return new DropReplacedColumn(table, column, replaced, retypedReads, calledRoutines); }
    }

    /** {@code ALTER COLUMN … TYPE to USING column::to}; destructive unless the new type holds every old value. */
    record AlterColumnType(String table, String column, String from, String to, boolean readByGenerated) implements Change {
        public AlterColumnType(String table, String column, String from, String to) {
            this(table, column, from, to, false);
        }

        /**
         * {@code readByGenerated}: a generated column, a view or a trigger reads it. Those are dropped before and created after,
         * but on a re-run they are already there and PostgreSQL refuses the type change: the statement then checks
         * the type first.
         */
        public Change inverse() { return new AlterColumnType(table, column, to, from, readByGenerated); }
        public boolean destructive() { return !ColumnTypes.widens(from, to); }
    }

    record SetNotNull(String table, String column, boolean notNull) implements Change {
        public Change inverse() { return new SetNotNull(table, column, !notNull); }
    }

    /** {@code SET DEFAULT to}, or {@code DROP DEFAULT} when {@code to} is null. */
    record SetColumnDefault(String table, String column, String from, String to) implements Change {
        public Change inverse() { return new SetColumnDefault(table, column, to, from); }
    }

    /**
     * {@code ADD GENERATED … AS IDENTITY} (from null), {@code DROP IDENTITY} (to null) or {@code SET GENERATED}
     * (between {@code ALWAYS} and {@code BY DEFAULT}). An identity column is NOT NULL and has no default: the differ
     * orders those changes around this one.
     */
    /**
     * {@code ALTER COLUMN … SET START WITH … SET INCREMENT BY …} of an identity column's sequence; null is the
     * defaults for {@code type}, the column's type when this runs.
     */
    record SetIdentityOptions(String table, String column, String type, org.somaagent01.migrator.model.IdentityOptions from,
                              org.somaagent01.migrator.model.IdentityOptions to) implements Change {
        public Change inverse() { return new SetIdentityOptions(table, column, type, to, from); }
    }

    record SetIdentity(String table, String column, String from, String to, String plainDefault) implements Change {
        public SetIdentity(String table, String column, String from, String to) {
            this(table, column, from, to, null);
        }

        /**
         * {@code plainDefault}: the default the column has without an identity. Adding the identity drops it in the
         * same statement, dropping the identity sets it again: PostgreSQL refuses a default change on an identity
         * column, so a separate one would fail when a script is run again.
         */
        public Change inverse() { return new SetIdentity(table, column, to, from, plainDefault); }
    }

    /** {@code COMMENT ON COLUMN}; a null comment removes it. */
    record SetColumnComment(String table, String column, String from, String to) implements Change {
        public Change inverse() { return new SetColumnComment(table, column, to, from); }
    }

    /** {@code CREATE SEQUENCE} with all its options; its owner, if any, is a {@link SetSequenceOwner} after. */
    record CreateSequence(SequenceModel sequence) implements Change {
        public CreateSequence { sequence = sequence.options(); }
        public Change inverse() { return new DropSequence(sequence); }
    }

    /** Destructive: the sequence's position is lost, and a re-created one starts again. */
    record DropSequence(SequenceModel sequence) implements Change {
        public DropSequence { sequence = sequence.options(); }
        public Change inverse() { return new CreateSequence(sequence); }
        public boolean destructive() { return true; }
    }

    /** {@code ALTER SEQUENCE} to other options (type, start, increment, bounds, cache, cycle); its position stays. */
    record AlterSequence(SequenceModel from, SequenceModel to) implements Change {
        public AlterSequence {
            from = from.options();
            to = to.options();
        }
        public Change inverse() { return new AlterSequence(to, from); }
    }

    /** {@code ALTER SEQUENCE … OWNED BY table.column}, or {@code OWNED BY NONE} when {@code to} is null. */
    record SetSequenceOwner(String sequence, String from, String to) implements Change {
        public Change inverse() { return new SetSequenceOwner(sequence, to, from); }
    }

    /** {@code CREATE [MATERIALIZED] VIEW}; a materialized one is filled as it is created. */
    record CreateView(ViewModel view) implements Change {
        public Change inverse() { return new DropView(view); }
    }

    /** Drops the view; also done before a column it reads changes type or goes, and the view created again after. */
    record DropView(ViewModel view) implements Change {
        public Change inverse() { return new CreateView(view); }
    }

    record AddPrimaryKey(String table, KeyConstraint key) implements Change {
        public Change inverse() { return new DropPrimaryKey(table, key); }
    }

    record DropPrimaryKey(String table, KeyConstraint key) implements Change {
        public Change inverse() { return new AddPrimaryKey(table, key); }
    }

    record AddUnique(String table, KeyConstraint key) implements Change {
        public Change inverse() { return new DropUnique(table, key); }
    }

    record DropUnique(String table, KeyConstraint key) implements Change {
        public Change inverse() { return new AddUnique(table, key); }
    }

    record AddCheck(String table, CheckModel check) implements Change {
        public Change inverse() { return new DropCheck(table, check); }
    }

    record DropCheck(String table, CheckModel check) implements Change {
        public Change inverse() { return new AddCheck(table, check); }
    }

    record AddExclusion(String table, ExclusionModel exclusion) implements Change {
        public Change inverse() { return new DropExclusion(table, exclusion); }
    }

    record DropExclusion(String table, ExclusionModel exclusion) implements Change {
        public Change inverse() { return new AddExclusion(table, exclusion); }
    }

    /**
     * A CHECK that stays but is validated ({@code VALIDATE CONSTRAINT}) or, the way back, becomes NOT VALID again
     * (PostgreSQL cannot un-validate: dropped and added NOT VALID). {@code check} is its definition.
     */
    record SetCheckValidated(String table, CheckModel check, boolean validated) implements Change {
        public Change inverse() { return new SetCheckValidated(table, check, !validated); }
    }

    /** Like {@link SetCheckValidated}, for a foreign key. */
    record SetForeignKeyValidated(String table, ForeignKeyModel foreignKey, boolean validated) implements Change {
        public Change inverse() { return new SetForeignKeyValidated(table, foreignKey, !validated); }
    }

    /** {@code CREATE OR REPLACE FUNCTION} with a new body; same name and return type. */
    record ReplaceFunction(FunctionModel from, FunctionModel to) implements Change {
        public Change inverse() { return new ReplaceFunction(to, from); }
    }

    /**
     * A column whose type is the enum (or an array of it), or a domain replaced under it, with the default it has
     * when the type changes.
     */
    record EnumColumn(String table, String column, boolean array, String defaultExpression) {}

    /**
     * {@code ALTER TYPE type ADD VALUE label BEFORE|AFTER neighbor}. PostgreSQL cannot drop an enum value, so the
     * inverse swaps the type back to {@code labelsBefore}; {@code users} are the columns that swap must convert.
     */
    record AddEnumValue(String type, String label, String neighbor, boolean before, List<String> labelsBefore,
                        List<EnumColumn> users) implements Change {
        public AddEnumValue {
            labelsBefore = List.copyOf(labelsBefore);
            users = List.copyOf(users);
        }

        public Change inverse() {
            List<String> labelsAfter = new java.util.ArrayList<>(labelsBefore);
            labelsAfter.add(neighbor == null ? labelsAfter.size() : labelsBefore.indexOf(neighbor) + (before ? 0 : 1), label);
            return new SwapEnumType(type, labelsAfter, labelsBefore, Map.of(), users);
        }

        public boolean commitBeforeUse() { return true; }
    }

    record RenameEnumValue(String type, String from, String to) implements Change {
        public Change inverse() { return new RenameEnumValue(type, to, from); }
    }

    /**
     * Replaces the enum type by one with {@code toLabels}: create a new type, convert every column in {@code users}
     * with {@code mapping} (old label → new label; an unmapped label keeps its text), drop the old type, rename
     * the new one. Refused at run time, with a message naming the column, when rows hold a removed label that
     * the mapping does not convert. Destructive when labels go away.
     */
    record SwapEnumType(String type, List<String> fromLabels, List<String> toLabels, SortedMap<String, String> mapping,
                        List<EnumColumn> users) implements Change {
        public SwapEnumType(String type, List<String> fromLabels, List<String> toLabels, Map<String, String> mapping,
                            List<EnumColumn> users) {
            this(type, fromLabels, toLabels, new TreeMap<>(mapping), users);
        }

        public SwapEnumType {
            fromLabels = List.copyOf(fromLabels);
            toLabels = List.copyOf(toLabels);
            mapping = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(mapping));
            users = List.copyOf(users);
        }

        public Change inverse() { return new SwapEnumType(type, toLabels, fromLabels, Map.of(), users); }

        public boolean destructive() { return !toLabels.containsAll(fromLabels); }

        /** Labels that go away. */
        public List<String> removed() { return fromLabels.stream().filter(l -> !toLabels.contains(l)).toList(); }
    }

    /** {@code ALTER TABLE … ENABLE ROW LEVEL SECURITY}, or {@code DISABLE} when {@code enabled} is false. */
    record SetRowSecurity(String table, boolean enabled) implements Change {
        public Change inverse() { return new SetRowSecurity(table, !enabled); }
    }

    /** {@code ALTER TABLE … FORCE ROW LEVEL SECURITY}, or {@code NO FORCE} when {@code forced} is false. */
    record SetForceRowSecurity(String table, boolean forced) implements Change {
        public Change inverse() { return new SetForceRowSecurity(table, !forced); }
    }

    record CreatePolicy(String table, org.somaagent01.migrator.model.PolicyModel policy) implements Change {
        public Change inverse() { return new DropPolicy(table, policy); }
    }

    /** Drops the policy; also done before a column it reads changes type or goes, and the policy created again after. */
    record DropPolicy(String table, org.somaagent01.migrator.model.PolicyModel policy) implements Change {
        public Change inverse() { return new CreatePolicy(table, policy); }
    }

    /**
     * {@code ALTER POLICY} to other roles, USING or WITH CHECK expressions; only between policies where
     * {@link org.somaagent01.migrator.model.PolicyModel#alterableTo} holds (both ways), so the inverse is one too.
     */
    record AlterPolicy(String table, org.somaagent01.migrator.model.PolicyModel from,
                       org.somaagent01.migrator.model.PolicyModel to) implements Change {
        public AlterPolicy {
            if (!from.alterableTo(to)) throw new IllegalArgumentException("ALTER POLICY cannot turn " + from + " into " + to);
        }

        public Change inverse() { return new AlterPolicy(table, to, from); }
    }

    /** {@code GRANT privilege ON object TO grantee [WITH GRANT OPTION]} (only with --with-privileges). */
    record Grant(org.somaagent01.migrator.model.GrantModel grant) implements Change {
        public Change inverse() { return new Revoke(grant); }
    }

    /** {@code REVOKE privilege ON object FROM grantee}; also done before the object is dropped, and granted again after. */
    record Revoke(org.somaagent01.migrator.model.GrantModel grant) implements Change {
        public Change inverse() { return new Grant(grant); }
    }

    /**
     * {@code COMMENT ON kind name IS …} for a view, materialized view, view column, sequence, index or constraint
     * ({@code name} as in {@link org.somaagent01.migrator.model.SchemaModel#commentKey}); a null comment removes it.
     */
    record SetObjectComment(String kind, String name, String from, String to) implements Change {
        public Change inverse() { return new SetObjectComment(kind, name, to, from); }
    }

    /**
     * Creates a partitioned table, then its partitions, each after its parent (sub-partitioned ones too); the
     * parent's indexes come after (created on the parent, PostgreSQL builds them on every partition).
     */
    record CreatePartitioned(TableModel table, List<TableModel> partitions) implements Change {
        public CreatePartitioned { partitions = List.copyOf(partitions); }
        public Change inverse() { return new DropPartitioned(table, partitions); }
    }

    /** Drops a partitioned table, which takes its partitions along: one statement. Destructive. */
    record DropPartitioned(TableModel table, List<TableModel> partitions) implements Change {
        public DropPartitioned { partitions = List.copyOf(partitions); }
        public Change inverse() { return new CreatePartitioned(table, partitions); }
        public boolean destructive() { return true; }
    }

    /** {@code ALTER TABLE parent DETACH PARTITION table}: the table stays, as a table of its own. */
    record DetachPartition(String table, String parent, String bound) implements Change {
        public Change inverse() { return new AttachPartition(table, parent, bound); }
    }

    /** {@code ALTER TABLE parent ATTACH PARTITION table bound}. */
    record AttachPartition(String table, String parent, String bound) implements Change {
        public Change inverse() { return new DetachPartition(table, parent, bound); }
    }

    /** {@code ALTER TABLE … SET UNLOGGED} (or {@code SET LOGGED}). */
    record SetUnlogged(String table, boolean unlogged) implements Change {
        public Change inverse() { return new SetUnlogged(table, !unlogged); }
    }

    /**
     * {@code ALTER COLUMN … TYPE type COLLATE to} ({@code "default"} for null: the type's own); the type is the one
     * the column has on both sides of this change.
     */
    record SetColumnCollation(String table, String column, String type, String from, String to) implements Change {
        public Change inverse() { return new SetColumnCollation(table, column, type, to, from); }
    }

    /**
     * A change of an index or constraint of a partitioned table: always done in its plain form, since PostgreSQL
     * builds no index CONCURRENTLY on a partitioned table, nor adds a foreign key NOT VALID to one.
     */
    record OnPartitionedTable(Change change) implements Change {
        public Change inverse() { return new OnPartitionedTable(change.inverse()); }
        public boolean destructive() { return change.destructive(); }
        public boolean commitBeforeUse() { return change.commitBeforeUse(); }
    }
}
