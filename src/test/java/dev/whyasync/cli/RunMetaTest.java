package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whyasync.bench.MachineLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The meta file says what ran, where and whether it finished, in the field names readers expect. */
class RunMetaTest {
    private static final SuiteChoice QUICK = new SuiteChoice("quick", null, Map.of());

    @Test
    void startedRunIsIncompleteWithoutEndThenFinished(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.meta.json");
        RunMeta started = RunMeta.started("r", QUICK, List.of("--profile", "quick"), MachineLimits.read());
        started.write(file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (String field : List.of("runId", "status", "profile", "only", "params", "arguments", "commandLine", "start", "end",
                "jdk", "os", "cores", "memoryBytes", "gitCommit", "limits", "resumes")) {
            assertTrue(json.has(field), field);
        }
        assertEquals("incomplete", json.get("status").asText());
        assertTrue(json.get("end").isNull());
        assertEquals(System.getProperty("java.version"), json.get("jdk").get("version").asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), json.get("cores").asInt());
        assertTrue(json.get("memoryBytes").asLong() > 0);
        assertEquals("--profile", json.get("arguments").get(0).asText());

        started.finished("complete").write(file);
        JsonNode done = new ObjectMapper().readTree(file.toFile());
        assertEquals("complete", done.get("status").asText());
        assertNotNull(done.get("end").textValue());
        assertEquals(json.get("start"), done.get("start"));
        assertTrue(Files.notExists(dir.resolve("r.meta.json.tmp")));
    }

    @Test
    void gitCommitIsTheCheckoutsHeadOrUnknown() throws Exception {
        String recorded = RunMeta.started("r", QUICK, List.of(), MachineLimits.read()).gitCommit();
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean known = git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0;
        assertEquals(known ? head : "unknown", recorded);
    }

    @Test
    void gitDirtyIsNullOnlyWhenTheCommitIsUnknown() {
        RunMeta meta = RunMeta.started("r", QUICK, List.of(), MachineLimits.read());
        if (meta.gitCommit().equals("unknown")) {
            assertNull(meta.gitDirty());
        } else {
            assertNotNull(meta.gitDirty());
        }
    }

    @Test
    void aMetaFileReadsBackWithItsChoiceAndResumesAndSkipsFieldsItDoesNotKnow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.meta.json");
        SuiteChoice choice = new SuiteChoice("default", "IoBenchmark", Map.of("model", List.of("futures", "virtual")));
        RunMeta started = RunMeta.started("r", choice, List.of("--only", "IoBenchmark"), MachineLimits.read());
        RunMeta session = RunMeta.started("r", choice, List.of("--resume", "r"), MachineLimits.read());
        started.finished("incomplete").resumedBy(session).write(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        tree.put("fieldOfALaterVersion", "x");
        json.writeValue(file.toFile(), tree);

        RunMeta read = RunMeta.read(file);
        assertEquals(choice, read.choice());
        assertEquals("incomplete", read.status());
        assertNull(read.end(), "a resumed run is under way again");
        assertEquals(started.start(), read.start());
        assertEquals(List.of(new RunMeta.Resume(session.start(), session.commandLine(), session.jdk().version(),
                session.gitCommit())), read.resumes());
        assertEquals(started.jdk(), read.jdk());
    }

    @Test
    void theJvmArgsAndJfrOfARunAreKeptAndAMetaFileFromBeforeThemStillLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.meta.json");
        SuiteChoice choice = new SuiteChoice("quick", null, Map.of(), null, List.of("-XX:+UseZGC", "-Xmx4g"), true);
        RunMeta.started("r", choice, List.of("--jvm-args", "-XX:+UseZGC -Xmx4g", "--jfr"), MachineLimits.read()).write(file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(file.toFile());
        assertEquals(List.of("-XX:+UseZGC", "-Xmx4g"), List.of(tree.get("jvmArgs").get(0).asText(), tree.get("jvmArgs").get(1).asText()));
        assertTrue(tree.get("jfr").asBoolean());
        assertEquals(choice, RunMeta.read(file).choice());

        tree.remove(List.of("jvmArgs", "jfr"));
        json.writeValue(file.toFile(), tree);
        RunMeta old = RunMeta.read(file);
        assertEquals(List.of(), old.jvmArgs());
        assertEquals(new SuiteChoice("quick", null, Map.of()), old.choice(), "no options, no JFR");
    }

    @Test
    void aMetaFileThatIsNotOneIsRefusedInOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.meta.json"));
        UsageException refused = assertThrows(UsageException.class, () -> RunMeta.read(empty));
        assertTrue(refused.getMessage().startsWith(empty + " is not a readable meta file: "), refused.getMessage());
        assertEquals(1, refused.getMessage().lines().count(), refused.getMessage());
        Path other = Files.writeString(dir.resolve("other.meta.json"), "{\"runId\": \"x\"}");
        assertEquals(other + " is not a run's meta file: it names no profile",
                assertThrows(UsageException.class, () -> RunMeta.read(other)).getMessage());
    }
}
