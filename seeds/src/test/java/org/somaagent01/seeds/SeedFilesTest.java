package org.somaagent01.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeedFilesTest {
    @Test
    void fingerprintCoversExactlyTheFilesTheSeederReads() {
        assertEquals(SeedTable.ALL.stream().map(SeedTable::fileName).toList(), SeedFiles.NAMES);
    }

    @Test
    void fingerprintIsStableAndIsASha256() {
        assertEquals(SeedFiles.fingerprint(), SeedFiles.fingerprint());
        assertEquals(64, SeedFiles.fingerprint().length());
    }
}
