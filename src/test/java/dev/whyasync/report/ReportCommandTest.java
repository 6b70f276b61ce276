package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.suite.SuiteData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportCommandTest {

    static final List<String> SECTIONS = List.of("Environment", "Throughput vs concurrency", "CPU per task",
            "Memory per task in flight", "Latency percentiles", "Footprint of idle tasks", "Spawn and switch cost",
            "Code footprint", "Cancellation and inertness", "Faults and retry", "Network delay vs server delay",
            "Soak: leaks over time", "Claims");

    @TempDir
    Path dir;

    @Test
    void reportsARealRunOfEveryModeAsSelfContainedXhtml() throws Exception {
        Path run = Files.copy(JmhRuns.allModes(), dir.resolve("modes.json"));
        CommandOutput output = report(run.toString());
        assertEquals(0, output.code(), output.err());
        assertTrue(Files.exists(dir.resolve("modes.md")));
        String html = Files.readString(dir.resolve("modes.html"));
        Document dom = parse(html);
        assertEquals(SECTIONS, headings(dom).subList(0, SECTIONS.size()));
        assertTrue(headings(dom).contains("Other benchmarks"));
        for (String suiteSection : SECTIONS.subList(1, SECTIONS.size() - 1)) {
            assertTrue(sectionText(dom, suiteSection).contains("not measured in this run"), suiteSection);
        }
        assertEquals(8, dom.getElementsByTagName("svg").getLength(), "one chart per benchmark and mode (2 x 4)");
        Set<String> chartText = svgText(dom);
        for (String mode : List.of("thrpt", "avgt", "sample", "ss")) {
            assertTrue(chartText.contains("SlowdownBenchmark.task (" + mode + ")"), mode);
            assertTrue(chartText.contains("PlainBenchmark.allocate (" + mode + ")"), mode);
        }
        assertTrue(chartText.containsAll(List.of("sequential", "virtual")), "legend names every model: " + chartText);
        assertSelfContained(html);
    }

    @Test
    void everyModelOfARealRunIsInTheChartLegend() throws Exception {
        Path run = Files.copy(JmhRuns.baselines(1).get(0), dir.resolve("three-models.json"));
        assertEquals(0, report(run.toString()).code());
        Document dom = parse(Files.readString(dir.resolve("three-models.html")));
        assertTrue(svgText(dom).containsAll(JmhRuns.MODELS), svgText(dom).toString());
        String markdown = Files.readString(dir.resolve("three-models.md"));
        JmhRuns.MODELS.forEach(m -> assertTrue(markdown.contains("model=" + m), m));
    }

    @Test
    void suiteShapedRunFillsEverySectionWithChartsAndClaims() throws Exception {
        Path run = SuiteResults.everything().write(dir.resolve("suite.json"));
        Files.writeString(dir.resolve("suite.meta.json"), "{\"jdk\": \"21.0.4+7\", \"cores\": 2, \"profile\": \"quick\"}");
        assertEquals(0, report(run.toString()).code());
        String html = Files.readString(dir.resolve("suite.html"));
        Document dom = parse(html);
        for (String section : SECTIONS) {
            assertFalse(sectionText(dom, section).contains("not measured in this run"), section);
        }
        assertTrue(sectionText(dom, "Environment").contains("21.0.4+7"));
        assertTrue(sectionText(dom, "Environment").contains("the fixture, in its own JVM"), "the IO target is stated");
        String faults = sectionText(dom, "Faults and retry");
        assertTrue(faults.contains("faults 5%, retry 0") && faults.contains("faults 5%, retry 2"), faults);
        assertTrue(faults.contains("10") && faults.contains("0.1"), "errors per 100 tasks computed from errors/s over tasks/s: " + faults);
        assertTrue(sectionText(dom, "Network delay vs server delay").contains("0.8\u00d7"),
                "tasks/s with 10 ms each way over tasks/s with 20 ms at the server");
        String soak = sectionText(dom, "Soak: leaks over time");
        assertTrue(soak.contains("FAIL: threads grew") && soak.contains("steady"), soak);
        assertEquals(List.of("pool (C=256): threads"), new SuiteData(ResultReader.read(run)).soakLeaks(),
                "what fails a soak run");
        Element throughput = section(dom, "Throughput vs concurrency");
        Element chart = (Element) throughput.getElementsByTagName("svg").item(0);
        assertEquals(SuiteLayout.MODELS.size() + 1, chart.getElementsByTagName("polyline").getLength(),
                "a line per model, two for callbacks (threads=1 and 2)");
        Set<String> labels = texts(chart);
        assertTrue(labels.containsAll(List.of("1", "64", "1024", "8192")), "concurrency ticks: " + labels);
        assertTrue(labels.contains("tasks/s, log scale") && labels.contains("tasks in flight (C), log scale"), labels.toString());
        assertTrue(labels.contains("callbacks (threads=2)"), labels.toString());
        assertTrue(chart.getElementsByTagName("line").getLength() > 100, "error bars and grid lines");
        for (String section : SECTIONS.subList(2, 8)) {
            assertTrue(section(dom, section).getElementsByTagName("svg").getLength() > 0, "chart in " + section);
        }
        String claims = sectionText(dom, "Claims");
        Element tbody = (Element) section(dom, "Claims").getElementsByTagName("tbody").item(0);
        assertEquals(15, tbody.getElementsByTagName("tr").getLength(), "one row per seed claim");
        assertTrue(claims.contains("supported") && claims.contains("refuted"), claims);
        assertTrue(claims.contains("retry 0, C=64: actors errors per 100 tasks = 10"), "claim 5 shows actors under faults: " + claims);
        assertSelfContained(html);
        String markdown = Files.readString(dir.resolve("suite.md"));
        assertTrue(markdown.contains("| 15 | Threads and coroutines need no change"), "claims table in Markdown");
    }

    @Test
    void theRunsJvmArgsAndCollectorAreInTheEnvironmentAndItsJfrEventsInTheirOwnSection() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode results = (ArrayNode) mapper.readTree(ResultFiles.resource(ResultFiles.GATE_BASELINE).toFile());
        Map<String, Double> jfr = Map.of("jfr.pinned.count", 12.0, "jfr.pinned.ms", 40.5, "jfr.threadStart.count", 3000.0,
                "jfr.park.count", 250.0, "jfr.park.ms", 1234.0, "jfr.gc.count", 2.0, "jfr.gc.pause.ms", 0.0);
        for (JsonNode result : results) {
            ObjectNode secondary = (ObjectNode) result.get("secondaryMetrics");
            jfr.forEach((name, value) -> secondary.putPOJO(name, Map.of("score", value, "scoreUnit", "x",
                    "rawData", List.of(List.of(value, value)))));
        }
        Path run = dir.resolve("jfr.json");
        mapper.writeValue(run.toFile(), results);
        Files.writeString(dir.resolve("jfr.meta.json"), "{\"profile\": \"quick\", \"jvmArgs\": [\"-XX:+UseZGC\", \"-Xmx4g\"], "
                + "\"jfr\": true}");
        Files.createDirectory(dir.resolve("jfr.jfr"));
        assertEquals(0, report(run.toString()).code());
        Document dom = parse(Files.readString(dir.resolve("jfr.html")));
        String environment = sectionText(dom, "Environment");
        assertTrue(environment.contains("jvmArgs-XX:+UseZGC -Xmx4g"), environment);
        assertTrue(environment.contains("garbage collectorSerial"), "the forks' collector, from JMH's jvmArgs: " + environment);
        String events = sectionText(dom, "JFR events");
        assertTrue(events.contains("jfr.jfr/"), "where the recordings are: " + events);
        assertTrue(events.contains("SlowdownBenchmark.task [thrpt], per iteration of"), events);
        for (String cell : List.of("model=futures", "model=virtual", "12", "40.5 ms", "3k", "250", "1.23 s")) {
            assertTrue(events.contains(cell), cell + " in " + events);
        }
        String markdown = Files.readString(dir.resolve("jfr.md"));
        assertTrue(markdown.contains("| parameters | pins | pinned time | thread starts | parks | park time | GCs | GC pauses |"),
                markdown);
        Files.copy(ResultFiles.resource(ResultFiles.GATE_BASELINE), dir.resolve("plain.json"));
        assertEquals(0, report(dir.resolve("plain.json").toString()).code());
        assertFalse(headings(parse(Files.readString(dir.resolve("plain.html")))).contains("JFR events"),
                "no section without the metrics");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path truncated = Files.writeString(dir.resolve("cut.json"), Files.readString(ResultFiles.resource(ResultFiles.ALL_MODES)).substring(0, 900));
        for (List<String> args : List.<List<String>>of(List.of(empty.toString()), List.of(truncated.toString()), List.of(),
                List.of("a.json", "b.json"), List.of("--bogus", "x.json"))) {
            CommandOutput output = report(args.toArray(String[]::new));
            assertTrue(output.isOneLineError("report"), args + " -> " + output);
        }
        assertFalse(Files.exists(dir.resolve("empty.html")));
        CommandOutput help = report("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: report"));
    }

    static void assertSelfContained(String html) {
        for (String forbidden : List.of("http://", "https://", "<script", "<link", "<img", "url(", "@import", "@font-face")) {
            assertFalse(html.contains(forbidden), "report must not contain " + forbidden);
        }
    }

    static CommandOutput report(String... args) {
        return CommandOutput.of(ReportCommand::run, args);
    }

    static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> headings(Document dom) {
        List<String> headings = new ArrayList<>();
        NodeList h2 = dom.getElementsByTagName("h2");
        for (int i = 0; i < h2.getLength(); i++) {
            headings.add(h2.item(i).getTextContent());
        }
        return headings;
    }

    private static Element section(Document dom, String title) {
        NodeList sections = dom.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element section = (Element) sections.item(i);
            if (section.getElementsByTagName("h2").item(0).getTextContent().equals(title)) {
                return section;
            }
        }
        throw new AssertionError("no section " + title);
    }

    private static String sectionText(Document dom, String title) {
        return section(dom, title).getTextContent();
    }

    private static Set<String> svgText(Document dom) {
        Set<String> texts = new HashSet<>();
        NodeList svgs = dom.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            texts.addAll(texts((Element) svgs.item(i)));
        }
        return texts;
    }

    private static Set<String> texts(Element svg) {
        Set<String> texts = new HashSet<>();
        NodeList nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
