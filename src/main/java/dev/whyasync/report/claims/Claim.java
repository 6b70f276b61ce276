package dev.whyasync.report.claims;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.suite.SuiteData;
import dev.whyasync.report.suite.Validity.Check;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A seed claim, the rule that judges it (as code, and as the text the report prints beside the
 * verdict), so that a reader can check a verdict against the numbers by hand, and the checks a
 * result must have passed for the rule to see it (DESIGN §8a). This is the one place results are
 * kept from the claims: {@link #assess} hands the rule a view of the run without them and names
 * them in the assessment's note.
 */
public record Claim(int number, String text, String rule, Set<Check> needs, Function<SuiteData, Assessment> judge) {

    /** What every claim that reads IO results needs: C really in flight, a steady score. */
    static final Set<Check> MEASURED = EnumSet.of(Check.C_HELD, Check.STEADY);
    /**
     * What claims about the cost of IO-bound tasks need besides: CPU headroom. A CPU-saturated
     * figure ranks CPU efficiency, not the overhead of waiting tasks.
     */
    static final Set<Check> IO_BOUND_COST = EnumSet.of(Check.C_HELD, Check.STEADY, Check.CPU_HEADROOM);

    /**
     * What claims about the cost of waiting tasks at a fixed load need (DESIGN §5a): a steady
     * result with CPU headroom that kept up with the offered rate. A model that fell behind is not
     * doing the same work as the others; the note names it.
     */
    static final Set<Check> LOAD_COST = EnumSet.of(Check.STEADY, Check.CPU_HEADROOM, Check.KEPT_UP);

    public Claim {
        needs = Set.copyOf(needs);
    }

    /** A claim judged on benchmarks that carry no checks. */
    Claim(int number, String text, String rule, Function<SuiteData, Assessment> judge) {
        this(number, text, rule, Set.of(), judge);
    }

    public Assessment assess(SuiteData data) {
        SuiteData usable = data.passing(needs);
        Assessment assessment = judge.apply(usable);
        String notUsed = usable.excluded().stream()
                .filter(r -> SuiteData.workload(r).equals(data.headline()) || data.results(SuiteLayout.LOAD).contains(r))
                .map(r -> usable.describe(r) + " " + usable.validity(r).marks())
                .collect(Collectors.joining(", "));
        return notUsed.isEmpty() ? assessment : assessment.withNote("not used, failed checks: " + notUsed);
    }
}
