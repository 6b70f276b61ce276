package dev.whyasync.report.render;

import java.util.List;

/**
 * The report as data, before it becomes Markdown or HTML: sections of paragraphs, tables and
 * figures. Both writers render the same document, so the two files cannot drift apart.
 */
public record Document(String title, List<Block> intro, List<Section> sections) {

    public record Section(String id, String title, List<Block> blocks) {
    }

    public sealed interface Block permits Paragraph, Table, Figure {
    }

    /** Plain text; a muted paragraph is a remark such as "not measured in this run". */
    public record Paragraph(String text, boolean muted) implements Block {
        public static Paragraph of(String text) {
            return new Paragraph(text, false);
        }

        public static Paragraph muted(String text) {
            return new Paragraph(text, true);
        }
    }

    /** A table; {@code style} names a layout the HTML knows (such as "claims"), or is empty. */
    public record Table(List<String> header, List<List<Cell>> rows, String style) implements Block {
        public Table(List<String> header, List<List<Cell>> rows) {
            this(header, rows, "");
        }
    }

    /** A table cell; its text may hold line breaks. The tone colours verdicts in HTML. */
    public record Cell(String text, Tone tone) {
        public static Cell of(String text) {
            return new Cell(text, Tone.PLAIN);
        }
    }

    public enum Tone { PLAIN, GOOD, BAD, MIXED, MUTED }

    /**
     * An inline SVG chart; Markdown shows its title as a pointer to the HTML file and, where the
     * chart was drawn from numbers, those numbers as a table ({@code numbers}, null for a picture
     * with nothing to tabulate), so that every figure behind a chart is readable in either file.
     * Both show its links: files beside the report, by paths relative to it.
     */
    public record Figure(String title, String svg, List<Link> links, Table numbers) implements Block {
        public Figure {
            links = List.copyOf(links);
        }

        public Figure(String title, String svg, List<Link> links) {
            this(title, svg, links, null);
        }

        public Figure(String title, String svg) {
            this(title, svg, List.of());
        }
    }

    /** A link to a file beside the report: its text and its path relative to the report. */
    public record Link(String text, String path) {
    }
}
