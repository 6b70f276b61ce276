package dev.whyasync.report.compare;

import java.util.List;

/** What the gate prints: a verdict line, then a table of what slowed down and why it counts or not. */
public final class GateTable {

    private GateTable() {
    }

    public static String text(List<GateFinding> findings, double thresholdPercent) {
        long regressions = findings.stream().filter(GateFinding::regression).count();
        List<GateFinding> slower = findings.stream().filter(GateFinding::absoluteRegression).toList();
        StringBuilder out = new StringBuilder();
        out.append(regressions > 0 ? "gate: FAIL, " + regressions + " regression" + (regressions == 1 ? "" : "s")
                        : "gate: pass, no regression")
                .append(" in ").append(findings.size()).append(" comparisons (threshold ")
                .append(Math.round(thresholdPercent)).append("%, 95% interval, within-run check against a reference model)\n");
        if (slower.isEmpty()) {
            return out.toString();
        }
        out.append("\n| benchmark | params | base | new | new/base | 95% CI | relative to | rel. ratio | rel. 95% CI | counted | why |\n");
        out.append("| --- | --- | ---: | ---: | ---: | --- | --- | ---: | --- | --- | --- |\n");
        for (GateFinding f : slower) {
            Change c = f.absolute();
            Change r = f.relative();
            out.append("| ").append(ChangeFormat.cell(c.key().shortName()))
                    .append(" | ").append(ChangeFormat.cell(ChangeFormat.params(c)))
                    .append(" | ").append(ChangeFormat.score(c.before().centre(), c.unit()))
                    .append(" | ").append(ChangeFormat.score(c.after().centre(), c.unit()))
                    .append(" | ").append(ChangeFormat.ratio(c.ratio()))
                    .append(" | ").append(ChangeFormat.interval(c.ratio()))
                    .append(" | ").append(f.reference() == null ? "-" : f.reference())
                    .append(" | ").append(r == null ? "-" : ChangeFormat.ratio(r.ratio()))
                    .append(" | ").append(r == null ? "-" : ChangeFormat.interval(r.ratio()))
                    .append(" | ").append(f.regression() ? "**yes**" : "no")
                    .append(" | ").append(ChangeFormat.cell(f.why())).append(" |\n");
        }
        return out.toString();
    }
}
