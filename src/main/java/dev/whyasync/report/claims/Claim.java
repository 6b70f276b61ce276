package dev.whyasync.report.claims;

import dev.whyasync.report.suite.SuiteData;
import java.util.function.Function;

/**
 * A seed claim, the rule that judges it (as code, and as the text the report prints beside the
 * verdict), so that a reader can check a verdict against the numbers by hand.
 */
public record Claim(int number, String text, String rule, Function<SuiteData, Assessment> judge) {

    public Assessment assess(SuiteData data) {
        return judge.apply(data);
    }
}
