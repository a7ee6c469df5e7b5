package org.somaagent01.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.somaagent01.db.Where.and;
import static org.somaagent01.db.Where.eq;
import static org.somaagent01.db.Where.greaterEq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jetbrains.exposed.v1.core.ResultRow;
import org.jetbrains.exposed.v1.core.SortOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.somaagent01.db.DatabaseException;
import org.somaagent01.db.SomaDatabase;
import org.somaagent01.db.Tx;
import org.somaagent01.migrator.Migrations;
import org.somaagent01.schema.AssetProvenance;
import org.somaagent01.schema.AssetType;
import org.somaagent01.schema.CapabilityHealth;
import org.somaagent01.schema.CostTier;
import org.somaagent01.schema.ExecutionStatus;
import org.somaagent01.schema.JobStatus;
import org.somaagent01.schema.MultimodalAssets;
import org.somaagent01.schema.MultimodalCapabilities;
import org.somaagent01.schema.MultimodalExecutions;
import org.somaagent01.schema.MultimodalJobPlans;
import org.somaagent01.schema.MultimodalOutcomes;
import org.somaagent01.schema.Prompts;
import org.somaagent01.schema.SessionEmbeddings;
import org.somaagent01.schema.TaskArtifacts;
import org.somaagent01.schema.TaskRegistry;
import org.somaagent01.schema.TenantToolFlags;
import org.somaagent01.schema.ToolCatalog;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * What an application does, in plain Java, on a database the migrator built: insert (reading back generated keys and
 * defaults), query, update and delete rows of every table, plus batch insert. The README's examples come from here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaApiExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestDatabase tdb;
    private SomaDatabase db;

    @BeforeAll
    void migrate() throws Exception {
        tdb = TestServer.get().createDatabase();
        db = SomaDatabase.connect(tdb.uri());   // in production: SomaDatabase.connect() reads SA01_DB_DSN
        assertEquals(1, Migrations.migrate(db.getDataSource()));
    }

    @AfterAll
    void close() {
        db.close();
        tdb.close();
    }

    @Test
    void capabilitiesInsertQueryUpdateDelete() {
        MultimodalCapabilities caps = MultimodalCapabilities.TABLE;
        ResultRow row = db.tx(tx -> tx.insert(caps, r -> {
            r.set(caps.toolId, "dalle3");
            r.set(caps.provider, "openai");
            r.set(caps.modalities, json("[\"image\"]"));
            r.set(caps.costTier, CostTier.HIGH);
        }));
        // defaults come back from the database
        assertEquals(CapabilityHealth.HEALTHY, row.get(caps.healthStatus));
        assertEquals(0, row.get(caps.failureCount));
        assertNotNull(row.get(caps.createdAt));

        List<String> healthy = db.readOnly(tx -> tx.selectWhere(caps, and(eq(caps.healthStatus, CapabilityHealth.HEALTHY),
                eq(caps.enabled, true))).stream().map(r -> r.get(caps.toolId)).toList());
        assertEquals(List.of("dalle3"), healthy);

        int updated = db.tx(tx -> tx.update(caps, and(eq(caps.toolId, "dalle3"), eq(caps.provider, "openai")), r -> {
            r.set(caps.healthStatus, CapabilityHealth.DEGRADED);
            r.set(caps.failureCount, 3);
        }));
        assertEquals(1, updated);
        assertEquals(CapabilityHealth.DEGRADED, db.readOnly(tx ->
                tx.findOne(caps, eq(caps.toolId, "dalle3")).orElseThrow().get(caps.healthStatus)));

        int deleted = db.tx(tx -> tx.delete(caps, eq(caps.toolId, "dalle3")));
        assertEquals(1, deleted);
        assertTrue(db.readOnly(tx -> tx.findOne(caps, eq(caps.toolId, "dalle3"))).isEmpty());
    }

    @Test
    void plansExecutionsAssetsProvenanceAndOutcomes() {
        MultimodalJobPlans plans = MultimodalJobPlans.TABLE;
        MultimodalExecutions execs = MultimodalExecutions.TABLE;
        MultimodalAssets assets = MultimodalAssets.TABLE;
        AssetProvenance prov = AssetProvenance.TABLE;
        MultimodalOutcomes outcomes = MultimodalOutcomes.TABLE;

        UUID planId = db.tx(tx -> {
            UUID plan = tx.insert(plans, r -> {
                r.set(plans.tenantId, "acme");
                r.set(plans.sessionId, "s1");
                r.set(plans.planJson, json("{\"steps\":[\"draw\"]}"));
                r.set(plans.totalSteps, 1);
            }).get(plans.id);                                    // gen_random_uuid()
            UUID asset = tx.insert(assets, r -> {
                r.set(assets.tenantId, "acme");
                r.set(assets.assetType, AssetType.IMAGE);
                r.set(assets.format, "png");
                r.set(assets.content, new byte[] {1, 2, 3});
                r.set(assets.checksumSha256, "abc");
                r.set(assets.mimeType, "image/png");
            }).get(assets.id);
            UUID exec = tx.insert(execs, r -> {
                r.set(execs.planId, plan);
                r.set(execs.stepIndex, 0);
                r.set(execs.tenantId, "acme");
                r.set(execs.toolId, "dalle3");
                r.set(execs.provider, "openai");
                r.set(execs.assetId, asset);
            }).get(execs.id);
            tx.insert(prov, r -> {
                r.set(prov.assetId, asset);
                r.set(prov.executionId, exec);
                r.set(prov.planId, plan);
                r.set(prov.tenantId, "acme");
                r.set(prov.toolId, "dalle3");
                r.set(prov.provider, "openai");
            });
            tx.insert(outcomes, r -> {
                r.set(outcomes.planId, plan);
                r.set(outcomes.taskId, "t1");
                r.set(outcomes.stepType, "image");
                r.set(outcomes.provider, "openai");
                r.set(outcomes.model, "dall-e-3");
                r.set(outcomes.success, true);
                r.set(outcomes.latencyMs, 1200f);
            });
            return plan;
        });

        ResultRow exec = db.readOnly(tx -> tx.findOne(execs, eq(execs.planId, planId)).orElseThrow());
        assertEquals(ExecutionStatus.PENDING, exec.get(execs.status));
        assertEquals(1, exec.get(execs.attemptNumber));

        db.inTx(tx -> {
            tx.update(plans, eq(plans.id, planId), r -> {
                r.set(plans.status, JobStatus.COMPLETED);
                r.set(plans.completedSteps, 1);
            });
            tx.update(execs, eq(execs.planId, planId), r -> r.set(execs.status, ExecutionStatus.SUCCESS));
        });
        assertEquals(JobStatus.COMPLETED, db.readOnly(tx -> tx.findOne(plans, eq(plans.id, planId)).orElseThrow().get(plans.status)));

        // ON DELETE CASCADE from plans to executions, SET NULL from executions to provenance
        db.inTx(tx -> tx.delete(plans, eq(plans.id, planId)));
        db.readOnly(tx -> {
            assertTrue(tx.selectWhere(execs, eq(execs.planId, planId)).isEmpty());
            ResultRow p = tx.selectAll(prov).iterator().next();
            assertEquals(null, p.get(prov.executionId));
            assertEquals(null, p.get(prov.planId));
            return null;
        });
        db.inTx(tx -> {
            tx.delete(outcomes, eq(outcomes.planId, planId));
            tx.delete(assets, eq(assets.tenantId, "acme"));
        });
        long left = db.readOnly(tx -> tx.selectAll(prov).count());
        assertEquals(0, left);
    }

    @Test
    void registryArtifactsPromptsCatalogAndFlags() {
        TaskRegistry tasks = TaskRegistry.TABLE;
        TaskArtifacts artifacts = TaskArtifacts.TABLE;
        Prompts prompts = Prompts.TABLE;
        ToolCatalog catalog = ToolCatalog.TABLE;
        TenantToolFlags flags = TenantToolFlags.TABLE;

        db.inTx(tx -> {
            ResultRow task = tx.insert(tasks, r -> {
                r.set(tasks.name, "resize");
                r.set(tasks.kind, "task");
                r.set(tasks.modulePath, "app.tasks");
                r.set(tasks.callable, "resize");
                r.set(tasks.queue, "default");
                r.set(tasks.tenantScope, List.of("acme", "globex"));
            });
            assertEquals(List.of(), task.get(tasks.personaScope));         // '{}'::text[]
            tx.insert(artifacts, r -> {
                r.set(artifacts.name, "bundle");
                r.set(artifacts.version, "1.0.0");
                r.set(artifacts.storageUri, "s3://b/1");
                r.set(artifacts.sha256, "ff");
            });
            tx.insert(prompts, r -> {
                r.set(prompts.id, UUID.randomUUID());                       // no default in the legacy schema
                r.set(prompts.name, "greeting");
                r.set(prompts.content, "Hello {name}");
            });
            ResultRow tool = tx.insert(catalog, r -> {
                r.set(catalog.name, "search");
                r.set(catalog.description, "web search");
                r.set(catalog.parametersSchema, json("{\"type\":\"object\"}"));
            });
            assertEquals(List.of("standard"), tool.get(catalog.profiles)); // '{standard}'::text[]
            tx.insert(flags, r -> {
                r.set(flags.tenantId, "acme");
                r.set(flags.toolName, "search");
                r.set(flags.enabled, false);
            });
        });

        // a CHECK violation is an unchecked DatabaseException with the server's SQLSTATE, and rolls back the whole body
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.inTx(tx -> {
            tx.update(prompts, eq(prompts.name, "greeting"), r -> r.set(prompts.version, 2));
            tx.update(tasks, eq(tasks.name, "resize"), r -> r.set(tasks.kind, "neither"));
        }));
        assertEquals("23514", e.sqlState());
        int version = db.readOnly(tx -> tx.findOne(prompts, eq(prompts.name, "greeting")).orElseThrow().get(prompts.version));
        assertEquals(1, version, "the first update was rolled back with the failing one");

        OffsetDateTime before = db.readOnly(tx -> tx.findOne(tasks, eq(tasks.name, "resize")).orElseThrow().get(tasks.updatedAt));
        db.inTx(tx -> tx.update(tasks, eq(tasks.name, "resize"), r -> r.set(tasks.queue, "fast")));
        OffsetDateTime after = db.readOnly(tx -> tx.findOne(tasks, eq(tasks.name, "resize")).orElseThrow().get(tasks.updatedAt));
        assertTrue(after.isAfter(before), "the migrator's trigger touches updated_at");

        db.inTx(tx -> {
            tx.update(artifacts, eq(artifacts.name, "bundle"), r -> r.set(artifacts.signedBy, "ci"));
            tx.delete(catalog, eq(catalog.name, "search"));              // cascades to tenant_tool_flags
            tx.delete(tasks, eq(tasks.name, "resize"));
            tx.delete(prompts, eq(prompts.name, "greeting"));
        });
        db.readOnly(tx -> {
            assertEquals(0L, tx.selectAll(flags).count());
            assertEquals("ci", tx.findOne(artifacts, eq(artifacts.name, "bundle")).orElseThrow().get(artifacts.signedBy));
            return null;
        });
    }

    @Test
    void batchInsertAndOrderedQueries() {
        SessionEmbeddings emb = SessionEmbeddings.TABLE;
        UUID session = UUID.randomUUID();
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        int inserted = db.tx(tx -> tx.batchInsert(emb, items, (r, i) -> {
            r.set(emb.sessionId, session);
            r.set(emb.text, "chunk " + i);
            r.set(emb.vector, unit(i));
        }));
        assertEquals(500, inserted);
        List<String> lastThree = db.readOnly(tx -> Tx.list(tx.select(emb, emb.text).where(eq(emb.sessionId, session))
                .orderBy(emb.id, SortOrder.DESC).limit(3)).stream().map(r -> r.get(emb.text)).toList());
        assertEquals(List.of("chunk 499", "chunk 498", "chunk 497"), lastThree);
        long upperHalf = db.readOnly(tx -> {
            long first = tx.selectAll(emb).orderBy(emb.id, SortOrder.ASC).limit(1).iterator().next().get(emb.id);
            return tx.selectAll(emb).where(and(eq(emb.sessionId, session), greaterEq(emb.id, first + 250))).count();
        });
        assertEquals(250, upperHalf);
        db.inTx(tx -> tx.delete(emb, eq(emb.sessionId, session)));
    }

    static float[] unit(int seed) {
        float[] v = new float[384];
        v[seed % 384] = 1f;
        v[(seed * 7 + 1) % 384] += 0.5f;
        return v;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
