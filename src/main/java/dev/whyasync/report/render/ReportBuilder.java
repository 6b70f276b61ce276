package dev.whyasync.report.render;

import dev.whyasync.report.claims.SeedClaims;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.results.Run;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run into the report document. Every section of the suite is always present: one whose
 * data the run lacks says "not measured in this run" rather than vanishing, so two reports have
 * the same shape and a missing benchmark is seen. The optional views follow them: JFR events and flame graphs
 * when the run recorded them, and benchmarks outside the suite.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    public static Document build(Run run) {
        SuiteData data = new SuiteData(run);
        List<Block> intro = new ArrayList<>();
        intro.add(Paragraph.of("Run " + run.id() + ": " + run.results().size() + " benchmark results read from "
                + run.file().getFileName() + "."));
        run.warnings().forEach(w -> intro.add(Paragraph.muted("Warning: " + w)));
        List<Section> sections = new ArrayList<>(List.of(
                EnvironmentSection.build(run),
                ThroughputSection.build(data),
                ResourceSections.cpu(data),
                ResourceSections.memory(data),
                ResourceSections.latency(data),
                LoadSection.build(data),
                ModelSections.footprint(data),
                ModelSections.spawnAndSwitch(data),
                ModelSections.codeFootprint(data),
                ModelSections.cancellation(data),
                RealismSections.faults(data),
                RealismSections.network(data),
                RealismSections.soak(data),
                ClaimsSection.build(SeedClaims.assess(data), data.run().meta().profile())));
        JfrSection.build(run).ifPresent(sections::add);
        FlameSection.build(run).ifPresent(sections::add);
        OtherSection.build(data).ifPresent(sections::add);
        return new Document("whyasync report: " + run.id(), intro, sections);
    }
}
