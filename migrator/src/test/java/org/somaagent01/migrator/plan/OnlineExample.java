package org.somaagent01.migrator.plan;

import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * Two schemas shaped like the load test: {@code executions} gains an index, a foreign key, NOT NULL on a
 * populated column, a UNIQUE constraint and a changed index; {@code sessions} is the referenced table.
 */
final class OnlineExample {
    private OnlineExample() {}

    static final TableModel SESSIONS = TableModel.of("sessions", List.of(new ColumnModel("id", "bigint", true, null)),
            new KeyConstraint("pk_sessions", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), null);

    static SchemaModel before() {
        return SchemaModel.of(List.of(), List.of(), List.of(SESSIONS, executions(false)), List.of());
    }

    static SchemaModel after() {
        return SchemaModel.of(List.of(), List.of(), List.of(SESSIONS, executions(true)), List.of());
    }

    static TableModel executions(boolean after) {
        List<ColumnModel> columns = List.of(new ColumnModel("id", "bigint", true, null),
                new ColumnModel("session_id", "bigint", after, null),
                new ColumnModel("status", "text", after, null),
                new ColumnModel("request_key", "text", false, null),
                new ColumnModel("created_at", "timestamp with time zone", false, null));
        IndexModel byStatus = new IndexModel("ix_executions_status", false, "btree",
                List.of(new IndexKey("status", null, false)), Map.of(), after ? "(status <> 'done'::text)" : null);
        List<IndexModel> indexes = after
                ? List.of(byStatus, new IndexModel("ix_executions_created", false, "btree",
                        List.of(new IndexKey("created_at", null, true)), Map.of(), null))
                : List.of(byStatus);
        return TableModel.of("executions", columns, new KeyConstraint("pk_executions", List.of("id")),
                after ? List.of(new KeyConstraint("uq_executions_request_key", List.of("request_key"))) : List.of(),
                after ? List.of(new CheckModel("ck_executions_status", "(status <> ''::text)")) : List.of(),
                after ? List.of(new ForeignKeyModel("fk_executions_session", List.of("session_id"), "sessions", List.of("id"),
                        ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION)) : List.of(),
                indexes, List.of(), null);
    }
}
