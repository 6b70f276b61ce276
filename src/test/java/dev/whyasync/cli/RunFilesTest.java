package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** Result files are never overwritten: a taken run id gets a suffix. */
class RunFilesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 3, 4, 5, 6, 7);

    @Test
    void runIdIsTimestampAndProfileAndClaimsTheMetaFile(@TempDir Path dir) throws Exception {
        RunFiles files = RunFiles.reserve(dir.resolve("results"), "quick", NOW);
        assertEquals("20250304-050607-quick", files.runId());
        assertEquals(dir.resolve("results/20250304-050607-quick.json"), files.results());
        assertTrue(Files.exists(files.meta()));
        assertTrue(Files.notExists(files.results()));
    }

    @Test
    void anExistingResultFileIsNeverReused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20250304-050607-default.json"), "[]");
        RunFiles files = RunFiles.reserve(dir, "default", NOW);
        assertEquals("20250304-050607-default-2", files.runId());
        assertEquals("[]", Files.readString(dir.resolve("20250304-050607-default.json")));
    }

    @Test
    void anExistingReportOrMetaFileAlsoTakesTheId(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20250304-050607-full.md"), "# report");
        Files.writeString(dir.resolve("20250304-050607-full-2.meta.json"), "{}");
        RunFiles files = RunFiles.reserve(dir, "full", NOW);
        assertEquals("20250304-050607-full-3", files.runId());
        assertEquals("{}", Files.readString(dir.resolve("20250304-050607-full-2.meta.json")));
    }

    @Test
    void aRunsMetaFileGoesIntoAFolderAndAnOldRunsIsFoundWhereItIs(@TempDir Path dir) throws Exception {
        RunFiles fresh = RunFiles.reserve(dir, "quick", NOW);
        assertEquals(dir.resolve("20250304-050607-quick.meta/meta.json"), fresh.meta());
        Files.writeString(dir.resolve("20240101-000000-full.meta.json"), "{}");
        assertEquals(dir.resolve("20240101-000000-full.meta.json"), RunFiles.of(dir, "20240101-000000-full").meta());
        assertEquals(List.of("20240101-000000-full", "20250304-050607-quick"), RunFiles.runIds(dir));
    }

    @Test
    void twoRunsInTheSameSecondGetTwoIds(@TempDir Path dir) throws Exception {
        RunFiles first = RunFiles.reserve(dir, "quick", NOW);
        RunFiles second = RunFiles.reserve(dir, "quick", NOW);
        assertEquals("20250304-050607-quick", first.runId());
        assertEquals("20250304-050607-quick-2", second.runId());
    }
}
