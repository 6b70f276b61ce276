package dev.whyasync.bench;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;

/**
 * How many classes this JVM has loaded since it started, and how much metaspace their metadata uses
 * (HotSpot's "Metaspace" pool: class metadata, method bytecode and profiles; classes mapped from the
 * JDK's class-data-sharing archive are counted as loaded but use little metaspace). The difference of
 * two snapshots is what was loaded in between; hidden classes spun for lambdas are counted too.
 */
record LoadedClasses(long count, long metaspaceBytes) {
    private static final String METASPACE_POOL = "Metaspace";

    static LoadedClasses now() {
        ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
        MemoryPoolMXBean metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals(METASPACE_POOL)).findFirst()
                .orElseThrow(() -> new IllegalStateException("this JVM has no " + METASPACE_POOL + " memory pool"));
        return new LoadedClasses(classLoading.getTotalLoadedClassCount(), metaspace.getUsage().getUsed());
    }

    LoadedClasses minus(LoadedClasses earlier) {
        return new LoadedClasses(count - earlier.count, metaspaceBytes - earlier.metaspaceBytes);
    }

    LoadedClasses plus(LoadedClasses other) {
        return new LoadedClasses(count + other.count, metaspaceBytes + other.metaspaceBytes);
    }
}
