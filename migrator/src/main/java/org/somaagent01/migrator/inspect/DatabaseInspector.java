package org.somaagent01.migrator.inspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.SchemaModel;

/**
 * Reads every user schema of a database, as {@code pg_dump --schema-only} sees them: not the system schemas, not
 * the migrator's history schema, narrowed by {@link SchemaFilter}. One query lists the schemas with the extensions
 * installed in each, then {@link CatalogInspector} reads each schema (a fixed number of queries per schema).
 */
public final class DatabaseInspector {
    private static final String SCHEMAS = InspectorQueries.get("schemas");

    private final SchemaFilter filter;
    private final String historySchema;
    private final boolean privileges;

    public DatabaseInspector(SchemaFilter filter, String historySchema) {
        this(filter, historySchema, false);
    }

    private DatabaseInspector(SchemaFilter filter, String historySchema, boolean privileges) {
        this.filter = filter;
        this.historySchema = historySchema;
        this.privileges = privileges;
    }

    /** This inspector, reading privileges into the models too ({@code --with-privileges}). */
    public DatabaseInspector withPrivileges(boolean on) {
        return new DatabaseInspector(filter, historySchema, on);
    }

    /** The user schemas of the database {@code c} is on, filtered, each with the extensions installed in it. */
    public List<String> schemas(Connection c) throws SQLException {
        return List.copyOf(listed(c).keySet());
    }

    public DatabaseModel inspect(Connection c) throws SQLException {
        TreeMap<String, SchemaModel> out = new TreeMap<>();
        for (var e : listed(c).entrySet()) {
            SchemaModel m = new CatalogInspector(e.getKey()).withPrivileges(privileges).inspect(c);
            // CatalogInspector lists every extension of the database; each belongs to the one schema it lives in,
            // with the version installed there (compared between two databases)
            Map<String, String> here = e.getValue();
            List<Extension> own = m.extensions().values().stream().filter(x -> here.containsKey(x.name()))
                    .map(x -> new Extension(x.name(), here.get(x.name()))).toList();
            out.put(e.getKey(), m.withExtensions(own));
        }
        return new DatabaseModel(out);
    }

    /** The schemas selected, each with its extensions' versions by name. */
    private TreeMap<String, Map<String, String>> listed(Connection c) throws SQLException {
        TreeMap<String, Map<String, String>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(SCHEMAS)) {
            ps.setString(1, historySchema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!filter.selects(rs.getString(1))) continue;
                    Map<String, String> extensions = new HashMap<>();
                    Object[] names = (Object[]) rs.getArray(2).getArray();
                    Object[] versions = (Object[]) rs.getArray(3).getArray();
                    for (int i = 0; i < names.length; i++) extensions.put((String) names[i], (String) versions[i]);
                    out.put(rs.getString(1), extensions);
                }
            }
        }
        return out;
    }

    /** The schemas to compare: those named by {@code --schema} (all when none), minus those of {@code --exclude-schema}. */
    public record SchemaFilter(List<String> include, List<String> exclude) {
        public static final SchemaFilter ALL = new SchemaFilter(List.of(), List.of());

        public SchemaFilter {
            include = List.copyOf(include == null ? List.of() : include);
            exclude = List.copyOf(exclude == null ? List.of() : exclude);
        }

        public boolean selects(String schema) {
            return (include.isEmpty() || include.contains(schema)) && !exclude.contains(schema);
        }
    }
}
