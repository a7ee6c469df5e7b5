package org.somaagent01.migrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.generate.ScriptGenerator;

/**
 * A second opinion on lock safety from squawk, the PostgreSQL migration linter: the online scripts generate writes
 * for the load-test change (an index, a FK, NOT NULL on a populated column, a UNIQUE and a changed index) give zero
 * findings of squawk's lock-safety rules, up and down, while the plain scripts for the same change trip them (so
 * this test can fail). squawk comes from npm (squawk-cli): scripts/test.sh installs it under .tools/ and sets SQUAWK.
 */
class SquawkCrossCheckTest {
    /** squawk's rules about locks and rewrites; style rules (types, naming) are not this test's business. */
    private static final Set<String> LOCK_RULES = Set.of("require-concurrent-index-creation",
            "require-concurrent-index-deletion", "adding-foreign-key-constraint", "setting-not-nullable-field",
            "disallowed-unique-constraint", "constraint-missing-not-valid", "changing-column-type",
            "adding-field-with-default", "adding-not-nullable-field", "adding-serial-primary-key-field",
            "ban-concurrent-index-creation-in-transaction", "adding-required-field");

    @TempDir Path dir;

    @Test
    void onlineScriptsHaveNoLockFindingsAndPlainOnesDo() throws Exception {
        List<Change> up = Differ.diff(OnlineExample.before(), OnlineExample.after());
        ScriptGenerator.Texts online = ScriptGenerator.texts("0002_load_test_change", up, RenderMode.ONLINE);
        ScriptGenerator.Texts plain = ScriptGenerator.texts("0002_load_test_change", up, RenderMode.PLAIN);

        assertEquals(Set.of(), lockFindings("online.up.sql", online.up()), online.up());
        assertEquals(Set.of(), lockFindings("online.down.sql", online.down()), online.down());
        Set<String> plainFindings = lockFindings("plain.up.sql", plain.up());
        // the plain FK sits in an idempotency DO block, which squawk does not read; the index and NOT NULL it does
        assertTrue(plainFindings.containsAll(Set.of("require-concurrent-index-creation", "adding-not-nullable-field")),
                plainFindings + "\n" + plain.up());
    }

    private Set<String> lockFindings(String name, String sql) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, sql);
        Process p = new ProcessBuilder(squawk(), "--reporter", "json", "--pg-version", "15.0", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "squawk did not finish");
        Set<String> rules = new TreeSet<>();
        for (JsonNode finding : findings(new ObjectMapper().readTree(out.isBlank() ? "[]" : out))) {
            String rule = finding.path("rule_name").asText(finding.path("rule").asText());
            if (LOCK_RULES.contains(rule)) rules.add(rule);
        }
        return rules;
    }

    private static List<JsonNode> findings(JsonNode json) {
        List<JsonNode> out = new ArrayList<>();
        if (json.isArray()) json.forEach(out::add);
        else json.path("violations").forEach(out::add);
        return out;
    }

    private static String squawk() {
        String configured = System.getenv("SQUAWK");
        Path local = Path.of("..", ".tools", "node_modules", ".bin", "squawk");
        String binary = configured != null ? configured : Files.isExecutable(local) ? local.toString() : null;
        assertFalse(binary == null, "squawk not found: run 'npm install --prefix .tools squawk-cli' in the repository "
                + "root (scripts/test.sh does), or set SQUAWK to its path");
        return binary;
    }
}
