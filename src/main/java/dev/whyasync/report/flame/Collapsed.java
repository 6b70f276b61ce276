package dev.whyasync.report.flame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Collapsed stacks, async-profiler's plain-text profile: one line per distinct stack, root first,
 * frames separated by {@code ;}, then a space and its weight (samples, or bytes for an allocation
 * profile recorded with {@code --total}). It is what the flame graphs are drawn from and the CPU
 * shares counted from.
 */
public record Collapsed(List<Stack> stacks) {

    public Collapsed {
        stacks = List.copyOf(stacks);
    }

    /** One distinct stack and its weight. */
    public record Stack(List<Frame> frames, long weight) {
        public Stack {
            frames = List.copyOf(frames);
        }

        /**
         * The group of each frame: a Java frame's own, any other the group of the nearest Java frame
         * below it; all GC or JIT in a stack classified so; before any Java frame, OTHER.
         */
        public List<FrameGroup> groups(List<String> runtime) {
            FrameGroup whole = frames.isEmpty() ? null : switch (frames.get(0).name()) {
                case FrameGroup.GC_ROOT -> FrameGroup.GC;
                case FrameGroup.JIT_ROOT -> FrameGroup.JIT;
                default -> null;
            };
            List<FrameGroup> groups = new ArrayList<>(frames.size());
            FrameGroup current = whole == null ? FrameGroup.OTHER : whole;
            for (Frame frame : frames) {
                FrameGroup own = whole == null ? FrameGroup.ofJavaFrame(frame, runtime) : null;
                current = own == null ? current : own;
                groups.add(current);
            }
            return groups;
        }

        /** The group this stack's weight counts for: that of its leaf frame. */
        public FrameGroup group(List<String> runtime) {
            List<FrameGroup> groups = groups(runtime);
            return groups.isEmpty() ? FrameGroup.OTHER : groups.get(groups.size() - 1);
        }

        /** The innermost Java frame, where the time was spent in Java or below it; null when the stack has none. */
        public Frame leafJavaFrame() {
            for (int i = frames.size() - 1; i >= 0; i--) {
                if (frames.get(i).java()) {
                    return frames.get(i);
                }
            }
            return null;
        }
    }

    public static Collapsed read(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the collapsed stacks " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lines that are not {@code frames weight} (blank ones) are skipped. */
    public static Collapsed parse(Stream<String> lines) {
        List<Stack> stacks = new ArrayList<>();
        lines.forEach(line -> {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                return;
            }
            long weight;
            try {
                weight = Long.parseLong(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                return;
            }
            stacks.add(new Stack(Arrays.stream(line.substring(0, space).split(";")).map(Frame::parse).toList(), weight));
        });
        return new Collapsed(stacks);
    }

    public long total() {
        return stacks.stream().mapToLong(Stack::weight).sum();
    }

    /** Whether some frame's name starts with {@code prefix} (slashes or dots both match). */
    public boolean hasFrame(String prefix) {
        String slashed = prefix.replace('.', '/');
        return stacks.stream().flatMap(stack -> stack.frames().stream())
                .anyMatch(frame -> frame.qualifiedName().startsWith(slashed));
    }
}
