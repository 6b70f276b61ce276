package dev.whyasync.report.chart;

import dev.whyasync.report.flame.Collapsed;
import dev.whyasync.report.flame.Frame;
import dev.whyasync.report.flame.FrameGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two flame graphs side by side in one inline SVG, CPU on the left and allocation on the right, each
 * frame coloured by its {@link FrameGroup} so that the same package has the same colour in both
 * and in every model's pair. Roots are at the bottom; a frame's width is its share of the samples
 * (of the bytes, for allocation); siblings go widest first. Frames narrower than
 * {@value #MIN_WIDTH} px are left out, which keeps a graph of a few hundred boxes; each box's
 * tooltip names the frame in full with its share. No script: the interactive graphs are
 * async-profiler's HTML files beside the results.
 */
public final class FlameChart {
    private static final int WIDTH = 1050;
    private static final int GAP = 14;
    private static final int GRAPH_WIDTH = (WIDTH - GAP) / 2;
    private static final int FRAME_HEIGHT = 12;
    private static final int LEGEND_HEIGHT = 22;
    private static final int HEADING_HEIGHT = 20;
    private static final double MIN_WIDTH = 1.5;

    /** One graph of the pair: its heading, its stacks, and the classes of the model's runtime. */
    public record Graph(String heading, Collapsed stacks, List<String> runtime, String unit) {
    }

    private FlameChart() {
    }

    /** The pair as one SVG element, with a legend of the groups above it. */
    public static String pair(String title, Graph left, Graph right) {
        Node leftRoot = tree(left);
        Node rightRoot = tree(right);
        int depth = Math.max(leftRoot.depth(GRAPH_WIDTH / Math.max(1.0, leftRoot.weight)),
                rightRoot.depth(GRAPH_WIDTH / Math.max(1.0, rightRoot.weight)));
        int height = LEGEND_HEIGHT + HEADING_HEIGHT + Math.max(1, depth) * FRAME_HEIGHT + 4;
        Svg svg = new Svg(WIDTH, height, title);
        double x = 0;
        for (FrameGroup group : FrameGroup.values()) {
            svg.rect(x, 5, 12, 12, group.color());
            String name = group.title();
            svg.text(x + 16, 15, name, "start", 11);
            x += 16 + name.length() * 6.2 + 14;
        }
        draw(svg, left, leftRoot, 0, height);
        draw(svg, right, rightRoot, GRAPH_WIDTH + GAP, height);
        return svg.close();
    }

    private static void draw(Svg svg, Graph graph, Node root, double left, int height) {
        svg.text(left, LEGEND_HEIGHT + 13, graph.heading(), "start", 12, "bold", 0);
        if (root.weight == 0) {
            svg.text(left, LEGEND_HEIGHT + HEADING_HEIGHT + 14, "no samples", "start", 11);
            return;
        }
        double scale = GRAPH_WIDTH / (double) root.weight;
        double x = left;
        for (Node child : root.sorted()) {
            x = box(svg, child, x, height - 2 - FRAME_HEIGHT, scale, root.weight, graph.unit());
        }
    }

    /** Draws a node and its children above it; returns where its next sibling starts. */
    private static double box(Svg svg, Node node, double x, double y, double scale, long total, String unit) {
        double width = node.weight * scale;
        if (width >= MIN_WIDTH) {
            String share = String.format(Locale.ROOT, "%.1f%%", 100.0 * node.weight / total);
            svg.box(x, y, Math.max(0.5, width - 0.5), FRAME_HEIGHT - 1, node.group.color(), node.label(),
                    node.frame.display() + " (" + node.group.title() + "): " + share + " of " + unit);
            double childX = x;
            for (Node child : node.sorted()) {
                childX = box(svg, child, childX, y - FRAME_HEIGHT, scale, total, unit);
            }
        }
        return x + width;
    }

    private static Node tree(Graph graph) {
        Node root = new Node(null, FrameGroup.OTHER);
        for (Collapsed.Stack stack : graph.stacks().stacks()) {
            List<FrameGroup> groups = stack.groups(graph.runtime());
            Node node = root;
            node.weight += stack.weight();
            for (int i = 0; i < stack.frames().size(); i++) {
                Frame frame = stack.frames().get(i);
                FrameGroup group = groups.get(i);
                node = node.children.computeIfAbsent(frame.name() + '\u0000' + group, k -> new Node(frame, group));
                node.weight += stack.weight();
            }
        }
        return root;
    }

    /** A frame at one place in the call tree, with the weight of every stack through it. */
    private static final class Node {
        final Frame frame;
        final FrameGroup group;
        final Map<String, Node> children = new LinkedHashMap<>();
        long weight;

        Node(Frame frame, FrameGroup group) {
            this.frame = frame;
            this.group = group;
        }

        List<Node> sorted() {
            List<Node> sorted = new ArrayList<>(children.values());
            sorted.sort(Comparator.comparingLong((Node n) -> n.weight).reversed());
            return sorted;
        }

        /** How many levels of this subtree are drawn at {@code scale} px per unit of weight (the root itself is not). */
        int depth(double scale) {
            int deepest = 0;
            for (Node child : children.values()) {
                if (child.weight * scale >= MIN_WIDTH) {
                    deepest = Math.max(deepest, 1 + child.depth(scale));
                }
            }
            return deepest;
        }

        /** The frame without its package: {@code NioIoHandler.run}, {@code String}. */
        String label() {
            String name = frame.display();
            if (!frame.java()) {
                return name;
            }
            boolean method = frame.name().indexOf('/') >= 0;
            return name.substring((method ? name.lastIndexOf('.', name.lastIndexOf('.') - 1) : name.lastIndexOf('.')) + 1);
        }
    }
}
