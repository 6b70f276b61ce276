package dev.whyasync.cli;

import java.lang.reflect.InvocationTargetException;

/**
 * Entry point of {@code benchmarks.jar}. It is compiled for Java 8 so that an older JVM prints one
 * sentence instead of an {@code UnsupportedClassVersionError}: the rest of the jar needs Java 21.
 */
public final class Launcher {
    static final int REQUIRED_FEATURE = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int feature = featureVersion(System.getProperty("java.specification.version", "0"));
        if (feature < REQUIRED_FEATURE) {
            System.err.println("whyasync needs Java " + REQUIRED_FEATURE + " or newer, but it runs on Java "
                    + System.getProperty("java.version") + " at " + System.getProperty("java.home")
                    + "; run it with a JDK 21+ (for example JAVA_HOME=/usr/lib/jvm/<jdk-21+> scripts/bench).");
            System.exit(2);
        }
        try {
            Class.forName("dev.whyasync.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** "1.8" is Java 8, "17" is Java 17. */
    static int featureVersion(String specification) {
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}
