package dev.whyasync.report.render;

import dev.whyasync.report.chart.Svg;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Figure;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Renders a report document as one self-contained HTML file: inline CSS, inline SVG, no script,
 * no font or image from anywhere. The markup is also well-formed XML (every element closed, only
 * XML's five entities), so tools and tests can read it with an XML parser.
 */
public final class HtmlWriter {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; color: #222; margin: 0; background: #fafafa; }
            main { max-width: 1120px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
            h1 { font-size: 26px; margin: 8px 0 12px; }
            h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 12px; border-top: 1px solid #ddd; }
            p { line-height: 1.45; margin: 8px 0; }
            p.muted { color: #777; font-style: italic; }
            nav ol { columns: 3; font-size: 14px; padding-left: 20px; }
            nav a { color: #1f5fa8; text-decoration: none; }
            table { border-collapse: collapse; margin: 12px 0 20px; font-size: 13px; }
            th, td { border: 1px solid #d4d4d4; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.good { background: #e3f4e6; font-weight: 600; }
            td.bad { background: #fbe3e1; font-weight: 600; }
            td.mixed { background: #fdf3d6; font-weight: 600; }
            td.muted { color: #777; }
            table.claims { width: 100%; }
            table.claims td:nth-child(2) { width: 19%; }
            table.claims td:nth-child(4) { width: 38%; }
            table.claims td:nth-child(5) { width: 31%; color: #444; font-size: 12px; }
            figure { margin: 16px 0; }
            svg.chart { display: block; max-width: 100%; height: auto; border: 1px solid #e5e5e5; }
            svg.chart g text { font-family: system-ui, sans-serif; fill: #222; }
            figcaption { font-size: 13px; margin-top: 4px; }
            figcaption a { color: #1f5fa8; margin-right: 12px; }
            """;

    /** A number with an optional SI prefix, then optionally a unit and more: "1.42k tasks/s ± 5%". */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9][0-9.,]*[kMGT]?(\\s[^\\n]{0,30})?");

    private HtmlWriter() {
    }

    public static String write(Document document) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Svg.escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Svg.escape(document.title())).append("</h1>\n");
        document.intro().forEach(block -> block(out, block));
        out.append("<nav><ol>\n");
        for (Section section : document.sections()) {
            out.append("<li><a href=\"#").append(section.id()).append("\">").append(Svg.escape(section.title())).append("</a></li>\n");
        }
        out.append("</ol></nav>\n");
        for (Section section : document.sections()) {
            out.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(Svg.escape(section.title())).append("</h2>\n");
            section.blocks().forEach(block -> block(out, block));
            out.append("</section>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void block(StringBuilder out, Block block) {
        switch (block) {
            case Paragraph p -> out.append(p.muted() ? "<p class=\"muted\">" : "<p>").append(Svg.escape(p.text())).append("</p>\n");
            case Table t -> table(out, t);
            case Figure f -> {
                out.append("<figure>").append(f.svg());
                if (!f.links().isEmpty()) {
                    out.append("<figcaption>");
                    f.links().forEach(link -> out.append("<a href=\"").append(Svg.escape(link.path())).append("\">")
                            .append(Svg.escape(link.text())).append("</a> "));
                    out.append("</figcaption>");
                }
                out.append("</figure>\n");
            }
        }
    }

    private static void table(StringBuilder out, Table table) {
        out.append(table.style().isEmpty() ? "<table>" : "<table class=\"" + table.style() + "\">").append("\n<thead><tr>");
        table.header().forEach(h -> out.append("<th>").append(Svg.escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            out.append("<tr>");
            for (Cell cell : row) {
                String css = cssClass(cell);
                out.append(css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">")
                        .append(Svg.escape(cell.text()).replace("\n", "<br/>")).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** Verdict tones colour the cell; cells whose first word is a number align right. */
    private static String cssClass(Cell cell) {
        if (cell.tone() != Document.Tone.PLAIN) {
            return cell.tone().name().toLowerCase(Locale.ROOT);
        }
        return NUMBER.matcher(cell.text()).matches() ? "num" : "";
    }
}
