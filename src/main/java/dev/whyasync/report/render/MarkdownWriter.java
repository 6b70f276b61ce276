package dev.whyasync.report.render;

import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Figure;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.render.Document.Tone;
import java.util.List;

/** Renders a report document as GitHub-flavoured Markdown; charts live in the HTML twin. */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(inline(document.title())).append("\n\n");
        document.intro().forEach(block -> block(out, block));
        for (Section section : document.sections()) {
            out.append("## ").append(inline(section.title())).append("\n\n");
            section.blocks().forEach(block -> block(out, block));
        }
        return out.toString();
    }

    private static void block(StringBuilder out, Block block) {
        switch (block) {
            case Paragraph p -> out.append(p.muted() ? "_" + inline(p.text()) + "_" : inline(p.text())).append("\n\n");
            case Table t -> table(out, t);
            case Figure f -> {
                out.append("_Chart in the HTML report: ").append(inline(f.title())).append('_');
                f.links().forEach(link -> out.append(" [").append(inline(link.text())).append("](")
                        .append(link.path().replace(" ", "%20").replace("(", "%28").replace(")", "%29")).append(')'));
                out.append("\n\n");
                if (f.numbers() != null) {
                    table(out, f.numbers());
                }
            }
        }
    }

    private static void table(StringBuilder out, Table table) {
        row(out, table.header().stream().map(MarkdownWriter::cell).toList());
        out.append('|');
        table.header().forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<Cell> cells : table.rows()) {
            row(out, cells.stream().map(c -> c.tone() == Tone.PLAIN || c.tone() == Tone.MUTED || c.text().isEmpty()
                    ? cell(c.text()) : "**" + cell(c.text()) + "**").toList());
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> escapedCells) {
        out.append('|');
        escapedCells.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append('\n');
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|").replace("\n", "<br>");
    }

    /** Keeps text literal: characters Markdown would read as markup are escaped. */
    private static String inline(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;").replace(">", "&gt;");
    }
}
