package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.CoroutinesModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.SequentialModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The static code footprint read from the compiled classes, the jars and the sources: every model has
 * some, the walk over class files finds every class nested in a model, bytes follow classes, comments
 * are not code, and every bundled runtime is found on the class path.
 */
class CodeSizeTest {
    private static final Map<ModelKind, CodeSize> SIZES = new EnumMap<>(ModelKind.class);

    /** Each model's class is the class of an instance; creating one connects nowhere. */
    @BeforeAll
    static void measureEveryModel() {
        ModelConfig config = ModelConfig.of(ClientConfig.of(URI.create("http://127.0.0.1:9")));
        for (ModelKind kind : ModelKind.values()) {
            Class<? extends ConcurrencyModel> modelClass;
            try (ConcurrencyModel model = kind.create(config)) {
                modelClass = model.getClass();
            }
            SIZES.put(kind, CodeSize.of(kind, modelClass));
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyModelHasBytecodeAndSourceLines(ModelKind kind) {
        CodeSize size = SIZES.get(kind);
        assertTrue(size.bytecode().bytes() > 0, size.describe());
        assertTrue(size.bytecode().classes() >= 1, size.describe());
        assertTrue(size.sourceLines() > 0, size.describe());
        assertEquals(size.bytecode().bytes(), size.bytecode().ownBytes() + size.bytecode().sharedBytes());
    }

    @Test
    void bytesAreTheClassFilesOnTheClassPath() throws IOException {
        for (ClassFile file : SIZES.get(ModelKind.CALLBACKS).bytecode().own()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file.name() + ".class")) {
                assertEquals(in.readAllBytes().length, file.bytes(), file.name());
            }
        }
    }

    /** Kotlin compiles each suspend lambda and suspend function to a continuation class of its own. */
    @Test
    void coroutinesCountTheirContinuationClasses() {
        TaskBytecode coroutines = SIZES.get(ModelKind.COROUTINES).bytecode();
        assertTrue(coroutines.own().size() > 1, coroutines.own().toString());
        assertTrue(coroutines.own().stream().anyMatch(c -> c.name().contains("CoroutinesModel$start$")),
                "the task's suspend lambda: " + names(coroutines.own()));
        assertEquals("CoroutinesModel.kt", coroutines.ownSourceFile());
    }

    /** The walk over constant pools finds every Model$*.class file the compilers wrote, and nothing of other models. */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void theWalkFindsEveryNestedClassFile(ModelKind kind) throws IOException, URISyntaxException {
        Path dir = Path.of(SequentialModel.class.getResource("SequentialModel.class").toURI()).getParent();
        String top = topLevelName(SIZES.get(kind));
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(f -> f.equals(top + ".class") || f.startsWith(top + "$"))
                    .map(f -> f.substring(0, f.length() - ".class".length())).collect(Collectors.toSet());
        }
        Set<String> walked = SIZES.get(kind).bytecode().own().stream()
                .map(c -> c.name().substring(c.name().lastIndexOf('/') + 1)).collect(Collectors.toSet());
        assertEquals(onDisk, walked);
    }

    @Test
    void sharedClassesCountForEachModelThatUsesThem() {
        assertEquals(shared(ModelKind.THREADS), shared(ModelKind.VIRTUAL));
        assertTrue(shared(ModelKind.THREADS).containsAll(List.of("ForkedPages", "ThreadPerPage")), shared(ModelKind.THREADS).toString());
        assertEquals(shared(ModelKind.POOL), shared(ModelKind.CALLBACKS));
        assertTrue(shared(ModelKind.POOL).contains("PagePair"), shared(ModelKind.POOL).toString());
        assertTrue(shared(ModelKind.SEQUENTIAL).isEmpty());
        assertTrue(SIZES.get(ModelKind.THREADS).sharedSourceLines() > 0);
        assertEquals(0, SIZES.get(ModelKind.SEQUENTIAL).sharedSourceLines());
    }

    /** Compares the models against each other rather than against numbers typed in. */
    @Test
    void aModelWithMoreClassesHasMoreBytes() {
        Comparator<CodeSize> byClasses = Comparator.comparingInt(size -> size.bytecode().classes());
        CodeSize fewest = SIZES.values().stream().min(byClasses).orElseThrow();
        CodeSize most = SIZES.values().stream().max(byClasses).orElseThrow();
        assertTrue(most.bytecode().classes() > fewest.bytecode().classes(), most.describe() + " / " + fewest.describe());
        assertTrue(most.bytecode().bytes() > fewest.bytecode().bytes(), most.describe() + " / " + fewest.describe());
    }

    @Test
    void everyBundledRuntimeIsFoundWithItsBytes() {
        for (RuntimeLibrary library : RuntimeLibrary.values()) {
            RuntimeLibrary.Size size = library.size(getClass().getClassLoader());
            assertTrue(size.entries() > 10 && size.compressed() > 0, library + " " + size);
            assertTrue(size.uncompressed() > size.compressed(), library + " is stored compressed: " + size);
        }
        assertEquals(0, SIZES.get(ModelKind.THREADS).runtimeSize().compressed(), "threads run on the JDK alone");
        CodeSize actors = SIZES.get(ModelKind.ACTORS);
        assertEquals(actors.runtimeSize().compressed(), RuntimeLibrary.NETTY.size(getClass().getClassLoader()).compressed()
                + RuntimeLibrary.PEKKO.size(getClass().getClassLoader()).compressed());
    }

    @Test
    void sourceLinesSkipBlankLinesAndComments() {
        String source = """
                package demo; // a trailing comment does not hide code

                /**
                 * A class comment,
                 * on lines of its own.
                 */
                class Demo { /* opens */
                    // a line comment
                    /* a block comment on one line */
                    String url = "http://not/a/comment";  /* a comment
                    that goes on */ int after;
                    String quote = "\\" /* still a string */";

                }
                """;
        assertEquals(6, SourceLines.count(source));
    }

    @Test
    void sourceLinesStopWhereAnotherTopLevelObjectFollowsTheModel() {
        String kotlin = """
                class CoroutinesModel {
                    fun name() = "coroutines"
                }

                /** Primitives for other benchmarks. */
                internal object CoroutinePrimitives {
                    fun spawn() = Unit
                }
                """;
        assertEquals(3, SourceLines.count(kotlin));
    }

    @Test
    void sourceLinesAreReadFromTheCopiedModelSources() throws IOException {
        assertNotNull(CoroutinesModel.class.getClassLoader().getResource(SourceLines.RESOURCE_DIR + "CoroutinesModel.kt"),
                "the build copies the model sources under " + SourceLines.RESOURCE_DIR);
        String inTree = Files.readString(Path.of("src", "main", "java", "dev", "whyasync", "model", "SequentialModel.java"));
        int sequential = SIZES.get(ModelKind.SEQUENTIAL).sourceLines();
        assertEquals(SourceLines.count(inTree), sequential);
        assertTrue(sequential < inTree.lines().count(), "the class comment and blank lines are not code: " + sequential);
    }

    private static String topLevelName(CodeSize size) {
        String name = size.bytecode().own().stream().map(ClassFile::name).filter(n -> !n.contains("$")).findFirst().orElseThrow();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static List<String> shared(ModelKind kind) {
        return names(SIZES.get(kind).bytecode().shared());
    }

    private static List<String> names(List<ClassFile> files) {
        return files.stream().map(c -> c.name().substring(c.name().lastIndexOf('/') + 1)).sorted().toList();
    }
}
