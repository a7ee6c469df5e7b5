package org.somaagent01.migrator.diff;

import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;

/**
 * One step from a schema towards another. Every change knows its exact inverse, so a script's down part is
 * the inverses of its up part in reverse order. {@link #destructive()} marks changes that can lose data.
 */
public sealed interface Change {
    Change inverse();

    default boolean destructive() { return false; }

    record CreateExtension(Extension extension) implements Change {
        public Change inverse() { return new DropExtension(extension); }
    }

    record DropExtension(Extension extension) implements Change {
        public Change inverse() { return new CreateExtension(extension); }
        public boolean destructive() { return true; }
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

    record CreateFunction(FunctionModel function) implements Change {
        public Change inverse() { return new DropFunction(function); }
    }

    record DropFunction(FunctionModel function) implements Change {
        public Change inverse() { return new CreateFunction(function); }
    }

    record CreateTrigger(TriggerModel trigger) implements Change {
        public Change inverse() { return new DropTrigger(trigger); }
    }

    record DropTrigger(TriggerModel trigger) implements Change {
        public Change inverse() { return new CreateTrigger(trigger); }
    }

    /** {@code COMMENT ON TABLE}; a null comment removes it. */
    record SetTableComment(String table, String from, String to) implements Change {
        public Change inverse() { return new SetTableComment(table, to, from); }
    }
}
