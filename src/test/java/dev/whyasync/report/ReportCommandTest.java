package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whyasync.report.claims.SeedClaims;
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
            "Memory per task in flight", "Latency percentiles", "Cost at a fixed load", "Footprint of idle tasks",
            "Spawn and switch cost",
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
        for (String section : SECTIONS.subList(2, 9)) {
            assertTrue(section(dom, section).getElementsByTagName("svg").getLength() > 0, "chart in " + section);
        }
        String title = "Claims";
        String claims = sectionText(dom, title);
        assertTrue(claims.contains("Indicative only (quick profile)."), claims);
        assertTrue(claims.contains("every verdict here comes from the quick profile"), claims);
        Element tbody = (Element) section(dom, title).getElementsByTagName("tbody").item(0);
        assertEquals(SeedClaims.ALL.size(), tbody.getElementsByTagName("tr").getLength(), "one row per seed claim");
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < tbody.getElementsByTagName("tr").getLength(); i++) {
            Element row = (Element) tbody.getElementsByTagName("tr").item(i);
            verdicts.add(row.getElementsByTagName("td").item(2).getTextContent());
        }
        assertEquals(SeedClaims.assess(new SuiteData(ResultReader.read(run))).stream().map(r -> r.assessment().verdict().text())
                .toList(), verdicts, "the verdict column holds each claim's computed verdict, in order");
        assertTrue(claims.contains("retry 0, C=64: actors errors per 100 tasks = 10"), "claim 5 shows actors under faults: " + claims);
        assertSelfContained(html);
        String markdown = Files.readString(dir.resolve("suite.md"));
        assertTrue(markdown.contains("| 15 | Threads and coroutines need no change"), "claims table in Markdown");
        assertTrue(markdown.contains("| model | time per spawn+join | interval |"), "the numbers behind a bar chart in Markdown");
        assertTrue(markdown.contains("| series | tasks in flight (C) | tasks/s | interval |"), "the numbers behind a line chart in Markdown");

        String throughputText = sectionText(dom, "Throughput vs concurrency");
        assertTrue(throughputText.contains("[c]") && throughputText.contains("threads C=8192: C not held (mean in flight 2k of 8192"),
                "threads past their limit are marked with the in-flight count they held: " + throughputText);
        assertTrue(throughputText.contains("Not checked: C held in 36 of 76 results (no inflight.check metric); CPU headroom in 36 of 76"),
                "the fault, network and soak results carry no checks: " + throughputText);
        assertTrue(claims.contains("not used, failed checks: threads C=8192 [c]"), claims);
        String memory = sectionText(dom, "Memory per task in flight");
        assertTrue(memory.contains("runtime threads") && memory.contains("fixture CPU") && memory.contains("0.3 cores"), memory);
        String load = sectionText(dom, "Cost at a fixed load");
        assertTrue(load.contains("saturated at 4k tasks/s (achieved 200 tasks/s, pacer 3 s behind)"), "the pool cannot keep up: " + load);
        assertTrue(load.contains("saturated at 1k tasks/s (achieved 1 tasks/s"), "nor the sequential control: " + load);
        Element loadTable = (Element) section(dom, "Cost at a fixed load").getElementsByTagName("tbody").item(0);
        assertEquals(2 * SuiteLayout.MODELS.size(), loadTable.getElementsByTagName("tr").getLength(), "a row per model and rate");
        assertTrue(load.contains("2.3 ms") && load.contains("13.8 ms"),
                "callbacks' p50 and p99 above the 500 ms delay (502.3 and 513.8 ms): " + load);
        Set<String> loadChart = texts((Element) section(dom, "Cost at a fixed load").getElementsByTagName("svg").item(0));
        assertTrue(loadChart.containsAll(List.of("CPU per task at a fixed load", "R = 1k tasks/s", "R = 4k tasks/s", "callbacks")),
                loadChart.toString());
        assertTrue(markdown.contains("## Cost at a fixed load") && markdown.contains("p99 above delay"), "the section in Markdown");
    }

    @Test
    void resultsThatFailedACheckAreMarkedAndOldFilesSayNotChecked() throws Exception {
        SuiteResults suite = new SuiteResults();
        double[] flat = {1.0, 1.012, 0.99};
        for (String model : List.of("threads", "callbacks", "futures", "virtual")) {
            for (int c : new int[] {64, 1024}) {
                boolean held = !(model.equals("threads") && c == 1024);
                boolean saturated = model.equals("futures") && c == 1024;
                suite.io(model, c, 10_000, Map.of(SuiteLayout.CPU_PER_TASK, 30_000.0, SuiteLayout.RSS, 1e8 + c * 1e4,
                        SuiteLayout.INFLIGHT_MEAN, held ? c : 712.4, SuiteLayout.INFLIGHT_MIN, held ? c : 650.0,
                        SuiteLayout.INFLIGHT_CHECK, held ? 1.0 : 0.0, SuiteLayout.CPU_SATURATED, saturated ? 1.0 : 0.0,
                        SuiteLayout.CPU_CORES, saturated ? 1.4 : 0.5, SuiteLayout.FIXTURE_CPU, saturated ? 0.45 : 0.2));
                if (model.equals("virtual") && c == 1024) {
                    suite.iterations(28_000, 38_000, 41_000);
                } else {
                    suite.iterations(10_000 * flat[c % 3], 10_000 * flat[(c + 1) % 3], 10_000 * flat[(c + 2) % 3]);
                }
            }
        }
        Path run = suite.write(dir.resolve("checked.json"));
        Files.writeString(dir.resolve("checked.meta.json"), "{\"cores\": 2}");
        assertEquals(0, report(run.toString()).code());
        Document dom = parse(Files.readString(dir.resolve("checked.html")));
        String throughput = sectionText(dom, "Throughput vs concurrency");
        assertTrue(throughput.contains("threads C=1024: C not held (mean in flight 712 of 1024, lowest 650)"), throughput);
        assertTrue(throughput.contains("futures C=1024: CPU-saturated (client 1.4 + fixture 0.45 of 2 cores)"), throughput);
        assertTrue(throughput.contains("virtual C=1024: not steady (score rose 36% over 3 iterations)"), throughput);
        assertTrue(throughput.contains("[cpu]") && throughput.contains("[t]"), throughput);
        for (String section : List.of("CPU per task", "Memory per task in flight")) {
            assertTrue(sectionText(dom, section).contains("[c]"), "every table that shows the result marks it: " + section);
        }
        Element cell = cellContaining(section(dom, "Throughput vs concurrency"), "[c]");
        assertEquals("muted", cell.getAttribute("class"), "a result no claim may use is greyed");
        String claims = sectionText(dom, "Claims");
        assertTrue(claims.contains("not used, failed checks: threads C=1024 [c], futures C=1024 [cpu], virtual C=1024 [t]"), claims);

        SuiteResults old = new SuiteResults();
        for (String model : List.of("threads", "callbacks")) {
            old.io(model, 256, 10_000, Map.of(SuiteLayout.CPU_PER_TASK, 30_000.0)).iterations(9_900, 10_100);
        }
        Path oldRun = old.write(dir.resolve("old.json"));
        assertEquals(0, report(oldRun.toString()).code());
        Document oldDom = parse(Files.readString(dir.resolve("old.html")));
        String oldThroughput = sectionText(oldDom, "Throughput vs concurrency");
        assertTrue(oldThroughput.contains("Not checked: C held in 2 of 2 results (no inflight.check metric); steadiness in 2 "
                + "of 2 results (fewer than 3 measured iterations per fork); CPU headroom in 2 of 2 results"), oldThroughput);
        assertFalse(oldThroughput.contains("Marked results"), oldThroughput);
        assertTrue(sectionText(oldDom, "Cost at a fixed load").contains("not measured in this run"));
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

    private static Element cellContaining(Element section, String text) {
        NodeList cells = section.getElementsByTagName("td");
        for (int i = 0; i < cells.getLength(); i++) {
            if (cells.item(i).getTextContent().contains(text)) {
                return (Element) cells.item(i);
            }
        }
        throw new AssertionError("no cell with " + text);
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
