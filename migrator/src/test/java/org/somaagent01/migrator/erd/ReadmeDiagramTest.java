package org.somaagent01.migrator.erd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.declared.DeclaredSchema;

/** The README's schema diagram is the one {@code erd} prints for the declared schema now. */
class ReadmeDiagramTest {
    @Test
    void readmeDiagramIsCurrent() throws Exception {
        // surefire runs with the module directory as working directory
        Path readme = Path.of("..", "README.md");
        assertTrue(Files.isRegularFile(readme), "README.md not found at " + readme.toAbsolutePath());
        String text = Files.readString(readme).replace("\r\n", "\n");
        int start = text.indexOf("```mermaid\n");
        assertTrue(start >= 0, "README.md has no ```mermaid block: run 'java -jar migrator/target/migrator.jar erd' "
                + "and paste its output into a ```mermaid block in the README's schema diagram section");
        int body = start + "```mermaid\n".length();
        int end = text.indexOf("```", body);
        assertEquals(MermaidErd.render(DeclaredSchema.soma()), text.substring(body, end),
                "the README's schema diagram is out of date: run 'java -jar migrator/target/migrator.jar erd' and paste "
                        + "its output into the ```mermaid block of README.md");
    }
}
