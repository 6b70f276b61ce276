package dev.whyasync.report.flame;

import java.util.List;
import java.util.Map;

/**
 * The package groups a flame graph is coloured by and its CPU samples are counted in: the model's
 * runtime, Netty, the JDK, whyasync's own code, garbage collection, the JIT compiler, and the rest
 * (the VM, other libraries, JMH). A model's runtime is what it adds on top of the shared transport:
 * Pekko, kotlinx.coroutines, Reactor, the JDK's thread, pool, virtual-thread or CompletableFuture
 * classes; for callbacks it is Netty itself, so that model has no separate Netty share.
 *
 * <p>A frame belongs to a group by its class's package; a frame that is not Java (native, kernel,
 * VM) belongs to the group of the nearest Java frame below it, as does an allocated array type, so
 * a syscall made by a JDK socket counts for the JDK and a {@code byte[]} for whoever allocated it.
 * A stack that JFR's converter classified as a collector's or a compiler's ({@code [gc]},
 * {@code [jit]} at its root) is GC or JIT throughout.
 */
public enum FrameGroup {
    RUNTIME("runtime", "the model's runtime", "#c5b0d5"),
    NETTY("netty", "Netty", "#aec7e8"),
    JDK("jdk", "JDK", "#ffbb78"),
    WHYASYNC("whyasync", "whyasync", "#98df8a"),
    GC("gc", "GC", "#ff9896"),
    JIT("jit", "JIT compiler", "#c49c94"),
    OTHER("other", "VM, native, other", "#dddddd");

    /** Root frames the converter's {@code --classify} puts above a collector's and a compiler's stacks. */
    public static final String GC_ROOT = "[gc]";
    public static final String JIT_ROOT = "[jit]";

    private static final String NETTY_PACKAGE = "io/netty/";
    private static final List<String> JDK_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/");
    private static final String WHYASYNC_PACKAGE = "dev/whyasync/";
    /** Per model (without a thread-count suffix), the classes its runtime adds; the sequential control adds none. */
    private static final Map<String, List<String>> RUNTIMES = Map.of(
            "threads", List.of("java/lang/Thread.", "java/lang/Thread$"),
            "pool", List.of("java/util/concurrent/ThreadPoolExecutor", "java/util/concurrent/FutureTask",
                    "java/util/concurrent/LinkedBlockingQueue", "java/util/concurrent/locks/"),
            "callbacks", List.of(NETTY_PACKAGE),
            "futures", List.of("java/util/concurrent/CompletableFuture"),
            "virtual", List.of("java/lang/VirtualThread", "jdk/internal/vm/Continuation", "java/util/concurrent/ForkJoin"),
            "actors", List.of("org/apache/pekko/", "scala/", "com/typesafe/config/"),
            "coroutines", List.of("kotlinx/coroutines/", "kotlin/"),
            "reactive", List.of("reactor/", "org/reactivestreams/"));

    private final String key;
    private final String title;
    private final String color;

    FrameGroup(String key, String title, String color) {
        this.key = key;
        this.title = title;
        this.color = color;
    }

    /** The name in metric names and JSON: {@code flame.cpu.<key>}. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The fill colour of this group's frames, the same in every graph of a report. */
    public String color() {
        return color;
    }

    /** The classes of {@code model}'s runtime, as class-name prefixes with slashes ({@code reactor/}); none for an unknown model. */
    public static List<String> runtimeOf(String model) {
        String base = model == null ? "" : model.replaceFirst("-[0-9]+$", "");
        return RUNTIMES.getOrDefault(base, List.of());
    }

    /**
     * The group of one Java frame ({@code io/netty/channel/nio/NioIoHandler.run} or, as an allocated
     * type, {@code java.lang.String}), or null for a frame without a package: native, kernel, VM, an
     * array of primitives.
     */
    public static FrameGroup ofJavaFrame(Frame frame, List<String> runtime) {
        if (!frame.java()) {
            return null;
        }
        String name = frame.qualifiedName();
        if (runtime.stream().anyMatch(name::startsWith)) {
            return RUNTIME;
        }
        if (name.startsWith(NETTY_PACKAGE)) {
            return NETTY;
        }
        if (name.startsWith(WHYASYNC_PACKAGE)) {
            return WHYASYNC;
        }
        return JDK_PACKAGES.stream().anyMatch(name::startsWith) ? JDK : OTHER;
    }
}
