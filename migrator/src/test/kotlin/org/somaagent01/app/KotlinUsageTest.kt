package org.somaagent01.app

import org.jetbrains.exposed.v1.core.SortOrder
import org.jetbrains.exposed.v1.core.and
import org.jetbrains.exposed.v1.core.eq
import org.jetbrains.exposed.v1.jdbc.deleteWhere
import org.jetbrains.exposed.v1.jdbc.insert
import org.jetbrains.exposed.v1.jdbc.selectAll
import org.jetbrains.exposed.v1.jdbc.transactions.transaction
import org.jetbrains.exposed.v1.jdbc.update
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.somaagent01.db.SomaDatabase
import org.somaagent01.migrator.Migrations
import org.somaagent01.schema.AssetProvenance
import org.somaagent01.schema.AssetType
import org.somaagent01.schema.CapabilityHealth
import org.somaagent01.schema.CostTier
import org.somaagent01.schema.ExecutionStatus
import org.somaagent01.schema.JobStatus
import org.somaagent01.schema.MultimodalAssets
import org.somaagent01.schema.MultimodalCapabilities
import org.somaagent01.schema.MultimodalExecutions
import org.somaagent01.schema.MultimodalJobPlans
import org.somaagent01.schema.MultimodalOutcomes
import org.somaagent01.schema.TaskArtifacts
import org.somaagent01.schema.Prompts
import org.somaagent01.schema.SessionEmbeddings
import org.somaagent01.schema.TaskRegistry
import org.somaagent01.schema.TenantToolFlags
import org.somaagent01.schema.ToolCatalog
import org.somaagent01.testdb.TestDatabase
import org.somaagent01.testdb.TestServer
import com.fasterxml.jackson.databind.ObjectMapper
import java.util.UUID

/**
 * Every table from Kotlin (insert, query, update, delete), as an application writes it: Exposed's own DSL inside `transaction(db.exposed) { }`,
 * with `with(Table.TABLE) { }` bringing a table's columns into scope. Same database the migrator builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KotlinUsageTest {
    private lateinit var tdb: TestDatabase
    private lateinit var db: SomaDatabase
    private val json = ObjectMapper()

    @BeforeAll
    fun migrate() {
        tdb = TestServer.get().createDatabase()
        db = SomaDatabase.connect(tdb.uri())
        assertEquals(1, Migrations.migrate(db.dataSource))
    }

    @AfterAll
    fun close() {
        db.close()
        tdb.close()
    }

    @Test
    fun capabilitiesInsertQueryUpdateDelete() {
        val caps = MultimodalCapabilities.TABLE
        transaction(db.exposed) {
            caps.insert {
                it[caps.toolId] = "dalle3"
                it[caps.provider] = "openai"
                it[caps.modalities] = json.readTree("""["image"]""")
                it[caps.costTier] = CostTier.HIGH
            }
        }
        val healthy = transaction(db.exposed) {
            caps.selectAll().where { (caps.healthStatus eq CapabilityHealth.HEALTHY) and (caps.enabled eq true) }
                .map { it[caps.toolId] }
        }
        assertEquals(listOf("dalle3"), healthy)

        transaction(db.exposed) {
            caps.update({ caps.toolId eq "dalle3" }) { it[caps.healthStatus] = CapabilityHealth.DEGRADED }
        }
        assertEquals(CapabilityHealth.DEGRADED, transaction(db.exposed) {
            caps.selectAll().where { caps.toolId eq "dalle3" }.single()[caps.healthStatus]
        })
        transaction(db.exposed) { caps.deleteWhere { caps.toolId eq "dalle3" } }
        assertTrue(transaction(db.exposed) { caps.selectAll().empty() })
    }

    @Test
    fun registryCatalogFlagsAndPrompts() {
        val catalog = ToolCatalog.TABLE
        val flags = TenantToolFlags.TABLE
        val tasks = TaskRegistry.TABLE
        val prompts = Prompts.TABLE
        transaction(db.exposed) {
            catalog.insert {
                it[catalog.name] = "search"
                it[catalog.description] = "web search"
                it[catalog.parametersSchema] = json.readTree("""{"type":"object"}""")
            }
            flags.insert {
                it[flags.tenantId] = "acme"
                it[flags.toolName] = "search"
                it[flags.enabled] = false
            }
            tasks.insert {
                it[tasks.name] = "resize"
                it[tasks.kind] = "task"
                it[tasks.modulePath] = "app.tasks"
                it[tasks.callable] = "resize"
                it[tasks.queue] = "default"
                it[tasks.tenantScope] = listOf("acme")
            }
            prompts.insert {
                it[prompts.id] = UUID.randomUUID()
                it[prompts.name] = "greeting"
                it[prompts.content] = "Hello {name}"
            }
        }
        transaction(db.exposed) {
            catalog.update({ catalog.name eq "search" }) { it[catalog.description] = "web search, v2" }
            flags.update({ flags.tenantId eq "acme" }) { it[flags.enabled] = true }
            tasks.update({ tasks.name eq "resize" }) { it[tasks.queue] = "fast" }
            prompts.update({ prompts.name eq "greeting" }) { it[prompts.version] = 2 }
        }
        transaction(db.exposed) {
            assertEquals("web search, v2", catalog.selectAll().single()[catalog.description])
            assertEquals(true, flags.selectAll().single()[flags.enabled])
            assertEquals("fast", tasks.selectAll().single()[tasks.queue])
            assertEquals(2, prompts.selectAll().single()[prompts.version])
            assertEquals(listOf("standard"), catalog.selectAll().single()[catalog.profiles])
            assertEquals(emptyList<String>(), tasks.selectAll().single()[tasks.personaScope])
            // ON DELETE CASCADE from the catalog to the tenant flags
            catalog.deleteWhere { catalog.name eq "search" }
            assertEquals(0L, flags.selectAll().count())
            tasks.deleteWhere { tasks.name eq "resize" }
            prompts.deleteWhere { prompts.name eq "greeting" }
        }
    }

    @Test
    fun nearestNeighboursInDistanceOrder() {
        val emb = SessionEmbeddings.TABLE
        val session = UUID.randomUUID()
        transaction(db.exposed) {
            for (i in 0 until 20) emb.insert {
                it[emb.sessionId] = session
                it[emb.text] = "chunk $i"
                it[emb.vector] = unit(i)
            }
        }
        val matches = db.readOnly { tx -> emb.nearest(tx, unit(3), 5, session) }
        assertEquals(5, matches.size)
        assertEquals("chunk 3", matches.first().text())
        val distances = matches.map { it.distance() }
        assertEquals(distances.sorted(), distances)
        transaction(db.exposed) {
            emb.update({ emb.text eq "chunk 0" }) { it[emb.text] = "first chunk" }
            val texts = emb.selectAll().orderBy(emb.id, SortOrder.ASC).map { it[emb.text] }
            assertEquals("first chunk", texts.first())
            assertEquals(20, texts.size)
            emb.deleteWhere { emb.sessionId eq session }
        }
    }

    @Test
    fun plansExecutionsAssetsProvenanceOutcomesAndArtifacts() {
        val plans = MultimodalJobPlans.TABLE
        val execs = MultimodalExecutions.TABLE
        val assets = MultimodalAssets.TABLE
        val prov = AssetProvenance.TABLE
        val outcomes = MultimodalOutcomes.TABLE
        val artifacts = TaskArtifacts.TABLE
        val planId = transaction(db.exposed) {
            val plan = plans.insert {
                it[plans.tenantId] = "acme"
                it[plans.sessionId] = "s1"
                it[plans.planJson] = json.readTree("""{"steps":["draw"]}""")
                it[plans.totalSteps] = 1
            }[plans.id]
            val asset = assets.insert {
                it[assets.tenantId] = "acme"
                it[assets.assetType] = AssetType.IMAGE
                it[assets.format] = "png"
                it[assets.content] = byteArrayOf(1, 2, 3)
                it[assets.checksumSha256] = "abc"
                it[assets.mimeType] = "image/png"
            }[assets.id]
            val exec = execs.insert {
                it[execs.planId] = plan
                it[execs.stepIndex] = 0
                it[execs.tenantId] = "acme"
                it[execs.toolId] = "dalle3"
                it[execs.provider] = "openai"
                it[execs.assetId] = asset
            }[execs.id]
            prov.insert {
                it[prov.assetId] = asset
                it[prov.executionId] = exec
                it[prov.planId] = plan
                it[prov.tenantId] = "acme"
                it[prov.toolId] = "dalle3"
                it[prov.provider] = "openai"
            }
            outcomes.insert {
                it[outcomes.planId] = plan
                it[outcomes.taskId] = "t1"
                it[outcomes.stepType] = "image"
                it[outcomes.provider] = "openai"
                it[outcomes.model] = "dall-e-3"
                it[outcomes.success] = true
                it[outcomes.latencyMs] = 1200f
            }
            artifacts.insert {
                it[artifacts.name] = "bundle"
                it[artifacts.version] = "1.0.0"
                it[artifacts.storageUri] = "s3://b/1"
                it[artifacts.sha256] = "ff"
            }
            plan
        }
        transaction(db.exposed) {
            assertEquals(ExecutionStatus.PENDING, execs.selectAll().where { execs.planId eq planId }.single()[execs.status])
            plans.update({ plans.id eq planId }) { it[plans.status] = JobStatus.COMPLETED }
            execs.update({ execs.planId eq planId }) { it[execs.status] = ExecutionStatus.SUCCESS }
            artifacts.update({ artifacts.name eq "bundle" }) { it[artifacts.signedBy] = "ci" }
        }
        transaction(db.exposed) {
            assertEquals(JobStatus.COMPLETED, plans.selectAll().where { plans.id eq planId }.single()[plans.status])
            assertEquals("ci", artifacts.selectAll().single()[artifacts.signedBy])
            // ON DELETE CASCADE from plans to executions, SET NULL from executions to provenance
            plans.deleteWhere { plans.id eq planId }
            assertTrue(execs.selectAll().empty())
            assertEquals(null, prov.selectAll().single()[prov.executionId])
            outcomes.deleteWhere { outcomes.planId eq planId }
            assets.deleteWhere { assets.tenantId eq "acme" }
            artifacts.deleteWhere { artifacts.name eq "bundle" }
            assertEquals(0L, prov.selectAll().count() + outcomes.selectAll().count() + artifacts.selectAll().count())
        }
    }

    /** A unit vector of 384 dimensions pointing mostly along axis i. */
    private fun unit(i: Int): FloatArray = FloatArray(384) { d -> if (d == i) 1f else 0.01f }
}
