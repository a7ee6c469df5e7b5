package org.somaagent01.migrator.declared

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.somaagent01.migrator.model.ColumnModel
import org.somaagent01.schema.pg.Identity
import org.somaagent01.schema.pg.PgTable
import org.somaagent01.schema.pg.SchemaDeclaration

/** The identity / generated / comment declarations read the same from Kotlin as from Java. */
class DeclaredColumnsKotlinTest {
    object Orders : PgTable("orders") {
        val id = identity(bigint("id"), Identity.BY_DEFAULT)
        val code = text("code").comment("customer-facing") // Exposed's own; Java: comment(text("code"), "…")
        val codeKey = generatedAlways(text("code_key"), "upper(code)")

        init {
            primaryKey("orders_pkey", id)
        }
    }

    @Test
    fun kotlinDeclarationsReachTheModel() {
        val model = DeclaredSchema.toModel(SchemaDeclaration(listOf(), listOf(), listOf(Orders), listOf(), listOf()))
        assertEquals(
            listOf(
                ColumnModel("id", "bigint", true, null, ColumnModel.BY_DEFAULT, null, null),
                ColumnModel("code", "text", true, null, null, null, "customer-facing"),
                ColumnModel("code_key", "text", true, null, null, "upper(code)", null),
            ),
            model.tables()["orders"]!!.columns(),
        )
    }
}
