package dev.whyasync.report.flame;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One frame of async-profiler's collapsed stacks, as its converter writes it: the name, then a
 * suffix for the kind of code ({@code _[j]} compiled, {@code _[i]} inlined, {@code _[0]}
 * interpreted, {@code _[1]} C1-compiled Java, {@code _[k]} kernel, none for native and VM code).
 * Java method frames use slashes ({@code io/netty/channel/nio/NioIoHandler.run}); the type an
 * allocation sample ends in uses dots ({@code java.lang.String}).
 *
 * @param name     the frame without its suffix
 * @param javaCode whether the suffix marks Java code or an allocated type
 */
public record Frame(String name, boolean javaCode) {
    private static final Pattern SUFFIX = Pattern.compile("_\\[([0-9a-z])]$");

    public static Frame parse(String raw) {
        Matcher suffix = SUFFIX.matcher(raw);
        if (!suffix.find()) {
            return new Frame(raw, false);
        }
        String kind = suffix.group(1);
        return new Frame(raw.substring(0, suffix.start()), !kind.equals("k"));
    }

    /** Whether this is a Java frame with a package (a method or an allocated class), so that it belongs to a group itself. */
    public boolean java() {
        return javaCode && !name.startsWith("[") && (name.indexOf('/') > 0 || name.indexOf('.') > 0);
    }

    /** The name with slashes for packages ({@code java/lang/String}, {@code java/lang/Thread.start0}), for prefix matching. */
    public String qualifiedName() {
        return name.indexOf('/') >= 0 ? name : name.replace('.', '/');
    }

    /** The name as people read it: dots for packages ({@code io.netty.channel.nio.NioIoHandler.run}). */
    public String display() {
        return name.replace('/', '.');
    }
}
