package dev.whyasync.report.flame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a model's CPU samples went: the share of each {@link FrameGroup}, each stack counted for
 * the group of its leaf (its innermost Java frame, or GC or JIT for a collector's or compiler's
 * stack), and the frames most samples ended in. The shares go into the result file as the
 * secondary metrics {@code flame.cpu.<group>} in percent, so that {@code compare} reads them
 * between runs like any other metric.
 *
 * @param samples every CPU sample of the profile
 */
public record CpuShares(Map<FrameGroup, Double> percent, List<TopFrame> top, long samples) {
    public static final String METRIC_PREFIX = "flame.cpu.";
    public static final String UNIT = "%";

    public CpuShares {
        percent = Map.copyOf(percent);
        top = List.copyOf(top);
    }

    /** A Java method that many samples ended in (counting the native and kernel frames it called). */
    public record TopFrame(String frame, FrameGroup group, double percent) {
    }

    public static CpuShares of(Collapsed cpu, String model, int topFrames) {
        List<String> runtime = FrameGroup.runtimeOf(model);
        Map<FrameGroup, Long> byGroup = new EnumMap<>(FrameGroup.class);
        Map<String, Long> byFrame = new LinkedHashMap<>();
        Map<String, FrameGroup> groupOf = new LinkedHashMap<>();
        for (Collapsed.Stack stack : cpu.stacks()) {
            FrameGroup group = stack.group(runtime);
            byGroup.merge(group, stack.weight(), Long::sum);
            Frame leaf = group == FrameGroup.GC || group == FrameGroup.JIT ? null : stack.leafJavaFrame();
            if (leaf != null) {
                byFrame.merge(leaf.display(), stack.weight(), Long::sum);
                groupOf.putIfAbsent(leaf.display(), group);
            }
        }
        long total = cpu.total();
        Map<FrameGroup, Double> percent = new EnumMap<>(FrameGroup.class);
        for (FrameGroup group : FrameGroup.values()) {
            percent.put(group, share(byGroup.getOrDefault(group, 0L), total));
        }
        List<TopFrame> top = new ArrayList<>();
        byFrame.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(topFrames).forEach(e -> top.add(new TopFrame(e.getKey(), groupOf.get(e.getKey()), share(e.getValue(), total))));
        return new CpuShares(percent, top, total);
    }

    /** The shares as secondary metrics: {@code flame.cpu.netty} = 12.5 (percent), every group, summing to 100. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (FrameGroup group : FrameGroup.values()) {
            metrics.put(METRIC_PREFIX + group.key(), percent.get(group));
        }
        return metrics;
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }
}
