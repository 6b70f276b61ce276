package dev.whyasync.bench;

import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelKind;
import java.util.List;

/**
 * The static size of one model (claims 10 and 15), read from the compiled classes, the jars and the
 * sources, with nothing typed in by hand but the choice of runtime each model bundles:
 * <ul>
 *   <li>its task code's bytecode ({@link TaskBytecode}): classes and bytes, shared classes included,
 *       and their part on its own;</li>
 *   <li>its runtime's bytes in the jars ({@link RuntimeLibrary}): Netty for every non-blocking model,
 *       plus Pekko, kotlinx-coroutines or Reactor; none for the blocking models, which need the JDK alone;</li>
 *   <li>the source lines of its file ({@link SourceLines}) and, apart, of the shared classes it uses.</li>
 * </ul>
 * The blocking models parse HTTP with Netty's codec too (the codec is shared so that every model does
 * the same work), but they bundle no concurrency runtime, so Netty is counted for the non-blocking
 * models only; the classes each model really loads are the benchmark's loaded-class count.
 */
record CodeSize(String model, TaskBytecode bytecode, List<RuntimeLibrary> runtime, RuntimeLibrary.Size runtimeSize,
                int sourceLines, int sharedSourceLines) {

    /** Measures {@code kind}, whose instances are of {@code modelClass}. */
    static CodeSize of(ModelKind kind, Class<? extends ConcurrencyModel> modelClass) {
        TaskBytecode bytecode = TaskBytecode.of(modelClass);
        List<RuntimeLibrary> runtime = runtimeOf(kind);
        RuntimeLibrary.Size size = RuntimeLibrary.Size.NONE;
        for (RuntimeLibrary library : runtime) {
            size = size.plus(library.size(modelClass.getClassLoader()));
        }
        int shared = bytecode.sharedSourceFiles().stream().mapToInt(SourceLines::ofModelFile).sum();
        return new CodeSize(kind.modelName(), bytecode, runtime, size, SourceLines.ofModelFile(bytecode.ownSourceFile()), shared);
    }

    /** The libraries a model's concurrency runs on, beyond the JDK. */
    static List<RuntimeLibrary> runtimeOf(ModelKind kind) {
        return switch (kind) {
            case SEQUENTIAL, THREADS, POOL, VIRTUAL -> List.of();
            case CALLBACKS, FUTURES -> List.of(RuntimeLibrary.NETTY);
            case ACTORS -> List.of(RuntimeLibrary.NETTY, RuntimeLibrary.PEKKO);
            case COROUTINES -> List.of(RuntimeLibrary.NETTY, RuntimeLibrary.KOTLIN_COROUTINES);
            case REACTIVE -> List.of(RuntimeLibrary.NETTY, RuntimeLibrary.REACTOR);
        };
    }

    /** One line for a log: what was counted, so that a reader can check it. */
    String describe() {
        List<String> shared = bytecode.shared().stream().map(c -> c.name().substring(c.name().lastIndexOf('/') + 1)).toList();
        return model + ": " + bytecode.classes() + " classes, " + bytecode.bytes() + " bytes of bytecode (shared classes "
                + (shared.isEmpty() ? "none" : String.join(", ", shared) + ": " + bytecode.sharedBytes() + " bytes") + "), "
                + sourceLines + " source lines (+" + sharedSourceLines + " in shared classes), runtime "
                + (runtime.isEmpty() ? "JDK only" : runtime + ": " + runtimeSize.compressed() + " bytes in the jar, "
                + runtimeSize.uncompressed() + " uncompressed");
    }
}
