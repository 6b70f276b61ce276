package dev.whyasync.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

    @Test
    void lineChartPlacesPointsOnLogAxes() throws Exception {
        LineChart chart = new LineChart("Throughput <of> & models", "", "C", "", true, "tasks/s", "", true, List.of(
                new LineChart.Series("fast", "#000000", List.of(
                        new LineChart.Point(1, 10, 8, 12), LineChart.Point.of(100, 1000), LineChart.Point.of(10_000, 100_000)))));
        Document svg = parse(chart.toSvg());
        Element line = (Element) svg.getElementsByTagName("polyline").item(0);
        List<double[]> points = new ArrayList<>();
        for (String xy : line.getAttribute("points").split(" ")) {
            String[] parts = xy.split(",");
            points.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        }
        assertEquals(3, points.size());
        double dx1 = points.get(1)[0] - points.get(0)[0];
        double dx2 = points.get(2)[0] - points.get(1)[0];
        assertEquals(dx1, dx2, 0.2, "equal decades are equal distances on a log axis");
        double dy1 = points.get(0)[1] - points.get(1)[1];
        double dy2 = points.get(1)[1] - points.get(2)[1];
        assertTrue(dy1 > 0 && Math.abs(dy1 - dy2) < 0.2, "higher values drawn higher, log-spaced");
        assertTrue(texts(svg).contains("Throughput <of> & models"), "title escaped and kept");
        assertTrue(texts(svg).containsAll(List.of("1", "100", "10000", "fast", "tasks/s, log scale")), texts(svg).toString());
    }

    @Test
    void barChartMarksMissingValuesAndKeepsOneColourPerBar() throws Exception {
        BarChart chart = new BarChart("Spawn", "", "ns", "ns", false, List.of("threads", "virtual"), List.of(
                new BarChart.BarSeries("cost", List.of(BarChart.Bar.of(60_000, "#d62728"), BarChart.Bar.of(Double.NaN, "#2ca02c")))));
        Document svg = parse(chart.toSvg());
        assertTrue(texts(svg).contains("n/a"));
        assertTrue(texts(svg).contains("60 \u00b5s"), texts(svg).toString());
        NodeList rects = svg.getElementsByTagName("rect");
        boolean red = false;
        for (int i = 0; i < rects.getLength(); i++) {
            red |= ((Element) rects.item(i)).getAttribute("fill").equals("#d62728");
        }
        assertTrue(red);
    }

    @Test
    void emptyChartSaysNoData() throws Exception {
        LineChart chart = new LineChart("Nothing", "", "x", "", true, "y", "", true, List.of());
        assertTrue(texts(parse(chart.toSvg())).contains("no data"));
    }

    @Test
    void quantitiesReadWithPrefixes() {
        assertEquals("12.3 \u00b5s", Quantity.format(12_345, "ns"));
        assertEquals("4 KiB", Quantity.format(4096, "B"));
        assertEquals("1.5M tasks/s", Quantity.format(1_500_000, "tasks/s"));
        assertEquals("250 ms", Quantity.format(250, "ms"));
        assertEquals("n/a", Quantity.format(Double.NaN, "ms"));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
