package org.somaagent01.migrator.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code migrations.sum}: a checksum per script file plus one over the list, so an edited script or two branches
 * that each added "version 5" are caught at load time (and merge as a conflict in version control).
 */
record SumFile(Map<String, String> files) {
    private static final String TOTAL = "total ";

    static SumFile parse(String text, String where) {
        Map<String, String> files = new LinkedHashMap<>();
        String total = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith(TOTAL)) { total = line.substring(TOTAL.length()).trim(); continue; }
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 2) throw ScriptStore.integrity(ScriptFiles.SUM_FILE + " in " + where + " has a malformed line: " + line);
            if (files.put(parts[0], parts[1]) != null) {
                throw ScriptStore.integrity(ScriptFiles.SUM_FILE + " in " + where + " lists " + parts[0] + " twice (a merge collision?)");
            }
            body.append(parts[0]).append(' ').append(parts[1]).append('\n');
        }
        if (total == null || !total.equals(ScriptFiles.sha256(body.toString()))) {
            throw ScriptStore.integrity(ScriptFiles.SUM_FILE + " in " + where + " does not match its own total "
                    + "(edited by hand or merged); regenerate it with 'generate --rehash' after review");
        }
        return new SumFile(files);
    }

    static String render(Map<String, String> files) {
        StringBuilder body = new StringBuilder();
        files.forEach((file, sum) -> body.append(file).append(' ').append(sum).append('\n'));
        return "# sha256 of each script file; written by 'generate', checked by every command\n"
                + TOTAL + ScriptFiles.sha256(body.toString()) + "\n" + body;
    }
}
