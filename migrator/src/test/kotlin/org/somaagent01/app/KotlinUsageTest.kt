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
import org.somaagent01.schema.CapabilityHealth
import org.somaagent01.schema.CostTier
import org.somaagent01.schema.MultimodalCapabilities
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
 * The tables from Kotlin, as an application writes it: Exposed's own DSL inside `transaction(db.exposed) { }`,
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
            assertEquals(listOf("standard"), catalog.selectAll().single()[catalog.profiles])
            assertEquals(emptyList<String>(), tasks.selectAll().single()[tasks.personaScope])
            assertEquals(1, prompts.selectAll().single()[prompts.version])
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
            val texts = emb.selectAll().orderBy(emb.id, SortOrder.ASC).map { it[emb.text] }
            assertEquals(20, texts.size)
            emb.deleteWhere { emb.sessionId eq session }
        }
    }

    /** A unit vector of 384 dimensions pointing mostly along axis i. */
    private fun unit(i: Int): FloatArray = FloatArray(384) { d -> if (d == i) 1f else 0.01f }
}
