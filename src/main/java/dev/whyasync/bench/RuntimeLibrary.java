package dev.whyasync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A runtime library a model bundles, and its bytes on the class path. A library is known by its
 * package prefixes, because inside the shaded {@code benchmarks.jar} every library shares one jar:
 * its bytes are those of the jar entries under its prefixes, compressed (what it adds to a jar) and
 * uncompressed. The jars are found from the class loader's resources (an anchor class file and the
 * prefix folders), never by loading a class, so that measuring does not change the loaded-class
 * count it sits next to. Netty's native libraries live under {@code META-INF/native/} and are not counted.
 */
enum RuntimeLibrary {
    /** The non-blocking transport: event loops, channels, buffers, codecs (netty-all brings every module). */
    NETTY(List.of("io/netty/"), "io/netty/channel/Channel.class"),
    /** Pekko typed actors with what they need to run: the Scala library, Typesafe config, SLF4J. */
    PEKKO(List.of("org/apache/pekko/", "scala/", "com/typesafe/config/", "org/slf4j/"),
            "org/apache/pekko/actor/typed/ActorSystem.class"),
    /** kotlinx-coroutines and the Kotlin standard library it runs on. */
    KOTLIN_COROUTINES(List.of("kotlinx/coroutines/", "kotlin/"), "kotlinx/coroutines/Job.class"),
    /** Project Reactor and the Reactive Streams interfaces. */
    REACTOR(List.of("reactor/", "org/reactivestreams/"), "reactor/core/publisher/Mono.class");

    private final List<String> prefixes;
    private final String anchor;

    RuntimeLibrary(List<String> prefixes, String anchor) {
        this.prefixes = prefixes;
        this.anchor = anchor;
    }

    /** Compressed and uncompressed bytes of the library's entries, over every jar that holds some. */
    record Size(long compressed, long uncompressed, int entries) {
        static final Size NONE = new Size(0, 0, 0);

        Size plus(Size other) {
            return new Size(compressed + other.compressed, uncompressed + other.uncompressed, entries + other.entries);
        }
    }

    Size size(ClassLoader loader) {
        Size total = Size.NONE;
        for (Path jar : jars(loader)) {
            total = total.plus(entriesIn(jar));
        }
        if (total.entries() == 0) {
            throw new IllegalStateException(name() + " is not on the class path (no jar holds " + anchor + ")");
        }
        return total;
    }

    /** Every jar holding the anchor class or one of the prefix folders; one library can span several jars. */
    private Set<Path> jars(ClassLoader loader) {
        Set<Path> jars = new LinkedHashSet<>();
        try {
            for (String resource : Stream.concat(Stream.of(anchor), prefixes.stream()).toList()) {
                for (URL url : Collections.list(loader.getResources(resource))) {
                    jarOf(url).ifPresent(jars::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the class path for " + name(), e);
        }
        return jars;
    }

    /** {@code jar:file:/x/y.jar!/io/netty/} gives {@code /x/y.jar}; a folder on the class path gives nothing. */
    private static Optional<Path> jarOf(URL url) {
        String spec = url.toString();
        int separator = spec.indexOf("!/");
        if (!spec.startsWith("jar:file:") || separator < 0) {
            return Optional.empty();
        }
        return Optional.of(Path.of(URI.create(spec.substring("jar:".length(), separator))));
    }

    private Size entriesIn(Path jar) {
        long compressed = 0;
        long uncompressed = 0;
        int entries = 0;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory() && prefixes.stream().anyMatch(entry.getName()::startsWith)) {
                    compressed += entry.getCompressedSize();
                    uncompressed += entry.getSize();
                    entries++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return new Size(compressed, uncompressed, entries);
    }
}
