package dev.whyasync.bench;

/**
 * One model's code footprint as the benchmark measured it in this JVM: what running it loaded
 * ({@link LoadedClasses}, since the trial started) and its static {@link CodeSize}. It reaches JMH's
 * results as secondary metrics through {@link ReportedMetricsProfiler}, which averages over
 * iterations: the loaded-class figures are cumulative (nothing is unloaded) and the static ones never
 * change, so with more than the one declared iteration the figures stay those of the model.
 */
record CodeFootprint(LoadedClasses loaded, CodeSize code) {
    static final String CLASSES_LOADED = "classes.loaded";
    static final String METASPACE = "metaspace.bytes";
    static final String TASK_BYTECODE = "task.bytecode.bytes";
    static final String TASK_CLASSES = "task.bytecode.classes";
    static final String SHARED_BYTECODE = "shared.bytecode.bytes";
    static final String RUNTIME_JAR = "runtime.jar.bytes";
    static final String RUNTIME_UNCOMPRESSED = "runtime.jar.uncompressed.bytes";
    static final String SOURCE_LINES = "task.source.lines";
    static final String SHARED_SOURCE_LINES = "shared.source.lines";

    void report() {
        TaskBytecode bytecode = code.bytecode();
        ReportedMetricsProfiler.report(CLASSES_LOADED, loaded.count(), "classes");
        ReportedMetricsProfiler.report(METASPACE, loaded.metaspaceBytes(), "bytes");
        ReportedMetricsProfiler.report(TASK_BYTECODE, bytecode.bytes(), "bytes");
        ReportedMetricsProfiler.report(TASK_CLASSES, bytecode.classes(), "classes");
        ReportedMetricsProfiler.report(SHARED_BYTECODE, bytecode.sharedBytes(), "bytes");
        ReportedMetricsProfiler.report(RUNTIME_JAR, code.runtimeSize().compressed(), "bytes");
        ReportedMetricsProfiler.report(RUNTIME_UNCOMPRESSED, code.runtimeSize().uncompressed(), "bytes");
        ReportedMetricsProfiler.report(SOURCE_LINES, code.sourceLines(), "lines");
        ReportedMetricsProfiler.report(SHARED_SOURCE_LINES, code.sharedSourceLines(), "lines");
    }

    String describe() {
        return code.describe() + "; running one task loaded " + loaded.count() + " classes, " + loaded.metaspaceBytes()
                + " bytes of metaspace";
    }
}
