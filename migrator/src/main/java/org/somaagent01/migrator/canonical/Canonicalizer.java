package org.somaagent01.migrator.canonical;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Connector;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.sql.Sql;
import org.somaagent01.migrator.plan.SqlRenderer;

/**
 * Brings a declared schema into PostgreSQL's own printed forms (Atlas's "dev database"): builds it from empty in a
 * throwaway database on a server where we may create databases, reads it back with the {@link CatalogInspector} and
 * drops the database again. A declaration may then say {@code price > 0} or {@code NOW()} and still compare equal
 * to the catalog's {@code (price > (0)::numeric)} and {@code now()}, because both sides went through the same printer.
 */
public final class Canonicalizer {
    /** Scratch databases are named with this prefix and a random suffix, so a leftover one is recognisable. */
    public static final String SCRATCH_PREFIX = "sa01_dev_";

    private final Dsn devUrl;
    private final String schema;
    private final Connector connector;
    private final Consumer<String> log;

    /**
     * @param devUrl any database on the dev server; it is only used to create and drop the scratch database
     * @param schema the schema the declared objects live in (the inspector reads only that one)
     */
    public Canonicalizer(Dsn devUrl, String schema, Connector connector, Consumer<String> log) {
        this.devUrl = devUrl;
        this.schema = schema;
        this.connector = connector;
        this.log = log;
    }

    /**
     * The declared model as PostgreSQL prints it.
     *
     * @throws MigratorException {@link ExitCode#USAGE} when PostgreSQL rejects a declaration or the dev URL's user
     *                           may not create databases; {@link ExitCode#DB_UNREACHABLE} when the server is down
     */
    public SchemaModel canonicalize(SchemaModel declared) {
        String scratch = SCRATCH_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = connector.connect(devUrl)) {
            admin(admin, "CREATE DATABASE " + Sql.ident(scratch) + " TEMPLATE template0",
                    "cannot create a scratch database on the dev server (" + devUrl.describe()
                            + "; the user needs CREATEDB)");
            log.accept("canonicalizing the declared schema in scratch database " + scratch);
            SchemaModel canonical;
            try {
                canonical = buildAndInspect(declared, new Dsn(devUrl.host(), devUrl.port(), scratch, devUrl.user(),
                        devUrl.password(), devUrl.params()));
            } catch (RuntimeException | SQLException e) {
                // always dropped; the build failure is the message the user needs, a failed drop rides along
                try {
                    drop(admin, scratch);
                } catch (RuntimeException dropFailure) {
                    e.addSuppressed(dropFailure);
                }
                throw e;
            }
            drop(admin, scratch);
            return canonical;
        } catch (SQLException e) {
            throw new MigratorException(ExitCode.DB_UNREACHABLE, "dev database (" + devUrl.describe() + "): " + oneLine(e), e);
        }
    }

    private SchemaModel buildAndInspect(SchemaModel declared, Dsn scratch) throws SQLException {
        try (Connection c = connector.connect(scratch); Statement st = c.createStatement()) {
            // change by change, so a failure can name the object; autocommit: the database is thrown away anyway
            for (Change change : Differ.diff(SchemaModel.EMPTY, declared)) {
                for (String sql : SqlRenderer.render(change)) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new MigratorException(ExitCode.USAGE, "PostgreSQL rejects the declared " + object(change)
                                + ": " + oneLine(e), e);
                    }
                }
            }
            return new CatalogInspector(schema).inspect(c);
        }
    }

    private static void drop(Connection admin, String scratch) {
        // WITH (FORCE) ends any session still open on it; a leftover would pile up with every run
        admin(admin, "DROP DATABASE IF EXISTS " + Sql.ident(scratch) + " WITH (FORCE)",
                "could not drop scratch database " + scratch + " on the dev server; drop it by hand");
    }

    private static void admin(Connection admin, String sql, String failure) {
        try (Statement st = admin.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new MigratorException(ExitCode.USAGE, failure + ": " + oneLine(e), e);
        }
    }

    /** What a change from empty creates, in the words a user would look for in the declaration. */
    private static String object(Change c) {
        if (c instanceof Change.CreateTable t) return "table " + t.table().name();
        if (c instanceof Change.CreateIndex i) return "index " + i.index().name() + " on " + i.table();
        if (c instanceof Change.AddForeignKey f) return "foreign key " + f.foreignKey().name() + " on " + f.table();
        if (c instanceof Change.CreateEnum e) return "enum type " + e.type().name();
        if (c instanceof Change.CreateExtension e) return "extension " + e.extension().name();
        if (c instanceof Change.CreateFunction f) return f.function().kind().toLowerCase() + " " + f.function().callSignature();
        if (c instanceof Change.CreateDomain d) return "domain " + d.domain().name();
        if (c instanceof Change.CreateCompositeType t) return "composite type " + t.type().name();
        if (c instanceof Change.CreateTrigger t) return "trigger " + t.trigger().name() + " on " + t.trigger().table();
        if (c instanceof Change.SetTableComment t) return "comment on table " + t.table();
        return c.getClass().getSimpleName();
    }

    private static String oneLine(SQLException e) {
        String text = String.valueOf(e.getMessage());
        // the server's words without pgjdbc's "Position: N", which points into SQL the user never sees
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            text = m.getMessage() + (m.getDetail() == null ? "" : " (" + m.getDetail() + ")")
                    + (m.getHint() == null ? "" : " (hint: " + m.getHint() + ")");
        }
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
