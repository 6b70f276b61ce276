package dev.whyasync.report.render;

import static dev.whyasync.report.SuiteLayout.CANCEL;
import static dev.whyasync.report.SuiteLayout.CODE;
import static dev.whyasync.report.SuiteLayout.FOOTPRINT;
import static dev.whyasync.report.SuiteLayout.INERT;
import static dev.whyasync.report.SuiteLayout.SPAWN;
import static dev.whyasync.report.SuiteLayout.SWITCH;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.List;

/** The per-model benchmarks: idle footprint, spawn and switch cost, code size, cancellation. */
final class ModelSections {

    private ModelSections() {
    }

    static Section footprint(SuiteData data) {
        String title = "Footprint of idle tasks";
        if (!data.measured(FOOTPRINT)) {
            return Charts.notMeasured("footprint", title, SuiteLayout.describe(FOOTPRINT));
        }
        List<String> models = data.models(FOOTPRINT);
        return new Section("footprint", title, List.of(
                Paragraph.of("How many idle tasks each model holds (started, parked on a read that never completes) "
                        + "before the benchmark's limit, and the memory each one costs."),
                Charts.modelBars("Idle tasks held", "largest attempt per model", "tasks", Measures.IDLE_HELD, models,
                        m -> data.single(FOOTPRINT, m)),
                Charts.modelBars("Memory per idle task", "largest attempt per model", "bytes per task", Measures.IDLE_BYTES,
                        models, m -> data.single(FOOTPRINT, m)),
                table(data, FOOTPRINT, List.of(Measures.IDLE_HELD, Measures.IDLE_BYTES), List.of("idle tasks held", "bytes per idle task"))));
    }

    static Section spawnAndSwitch(SuiteData data) {
        String title = "Spawn and switch cost";
        if (!data.measured(SPAWN) && !data.measured(SWITCH)) {
            return Charts.notMeasured("spawn", title, SuiteLayout.describe(SPAWN) + " or " + SuiteLayout.describe(SWITCH));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Start a task and wait for it (spawn+join), and hand control back and forth between two "
                + "tasks (ping-pong switch); average time per operation, error bars JMH's 99.9% interval."));
        if (data.measured(SPAWN)) {
            blocks.add(Charts.modelBars("Spawn + join", "average time per task", "time per spawn+join", Measures.SPAWN,
                    data.models(SPAWN), m -> data.single(SPAWN, m)));
        } else {
            blocks.add(Paragraph.muted("Spawn + join: " + Charts.NOT_MEASURED + "."));
        }
        if (data.measured(SWITCH)) {
            blocks.add(Charts.modelBars("Switch (ping-pong)", "average time per switch", "time per switch", Measures.SWITCH,
                    data.models(SWITCH), m -> data.single(SWITCH, m)));
        } else {
            blocks.add(Paragraph.muted("Switch: " + Charts.NOT_MEASURED + "."));
        }
        return new Section("spawn", title, blocks);
    }

    static Section codeFootprint(SuiteData data) {
        String title = "Code footprint";
        if (!data.measured(CODE)) {
            return Charts.notMeasured("code", title, CODE);
        }
        List<String> models = data.models(CODE);
        return new Section("code", title, List.of(
                Paragraph.of("What each model brings into the JVM: classes loaded and metaspace after running one task, "
                        + "the bytecode of its task code, the jars of its runtime, and the source lines of its task code."),
                Charts.modelBars("Metaspace after loading the model", "", "metaspace", Measures.METASPACE, models,
                        m -> data.single(CODE, m)),
                Charts.modelBars("Source lines of the task code", "", "lines", Measures.SOURCE_LINES, models,
                        m -> data.single(CODE, m)),
                table(data, CODE, Measures.CODE,
                        List.of("classes loaded", "metaspace", "task bytecode", "runtime jars", "task source lines"))));
    }

    static Section cancellation(SuiteData data) {
        String title = "Cancellation and inertness";
        if (!data.measured(CANCEL) && !data.measured(INERT)) {
            return Charts.notMeasured("cancellation", title, CANCEL + " or " + SuiteLayout.describe(INERT));
        }
        List<Block> blocks = new ArrayList<>();
        if (data.measured(CANCEL)) {
            blocks.add(Paragraph.of("After a task is cancelled: time until its socket is closed, and reads the fixture "
                    + "still sees."));
            blocks.add(table(data, CANCEL, List.of(Measures.CANCEL_CLOSE, Measures.CANCEL_READS),
                    List.of("close after cancel", "reads after cancel")));
        } else {
            blocks.add(Paragraph.muted("Cancellation: " + Charts.NOT_MEASURED + "."));
        }
        if (data.measured(INERT)) {
            blocks.add(Paragraph.of("Requests the fixture receives from a created task before anything awaits it "
                    + "(0 = inert, as a Rust future). The benchmark watches the fixture's counter until the request "
                    + "arrives or a bound passes: 50 times the slowest arrival of an eager control (a plain blocking "
                    + "download on a thread of its own) in the same trial, within 1 to 5 s; an idiom is eager however "
                    + "late its request comes within that bound."));
            blocks.add(table(data, INERT, List.of(Measures.REQUESTS_BEFORE_AWAIT, Measures.INERT_WAITED, Measures.INERT_CONTROL),
                    List.of("requests before await", "watched", "eager control arrived after")));
        } else {
            blocks.add(Paragraph.muted("Inertness: " + Charts.NOT_MEASURED + "."));
        }
        return new Section("cancellation", title, blocks);
    }

    private static Table table(SuiteData data, String benchmark, List<Measure> measures, List<String> names) {
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(names);
        List<List<Cell>> rows = new ArrayList<>();
        for (String model : data.models(benchmark)) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(model)));
            measures.forEach(m -> row.add(Charts.cell(data.single(benchmark, model, m), m.unit())));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            rows.add(List.of(new Cell("no model parameter (" + SuiteLayout.MODEL + ") in these results", Document.Tone.MUTED)));
        }
        return new Table(header, rows);
    }
}
