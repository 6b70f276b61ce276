package dev.whyasync.report.claims;

import dev.whyasync.report.suite.SuiteData;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed claims of the design, in their numbered order, each with its rule: the fifteen of the
 * argument, and 17, the converse it states in passing (threads suit a few tasks). Number 16 is kept
 * for the cost of migrating between models.
 */
public final class SeedClaims {

    public static final List<Claim> ALL = Stream.of(
                    ThreadClaims.OVERHEAD, ThreadClaims.POOLS, ModelClaims.CALLBACKS_FAST, ModelClaims.VIRTUAL_SCALES,
                    ModelClaims.ACTORS_EFFICIENT, ThreadClaims.SPAWN_SWITCH, ThreadClaims.IDLE, AsyncClaims.LOWER_OVERHEAD,
                    AsyncClaims.MORE_TASKS, AsyncClaims.LARGER, FutureClaims.CANCEL_STOPS, RuntimeClaims.ONE_VERSUS_MANY,
                    FutureClaims.INERT_FUTURES, AsyncClaims.ZERO_COST, ModelClaims.PROGRAMMING_MODEL, ThreadClaims.FEW_TASKS)
            .sorted(Comparator.comparingInt(Claim::number)).toList();

    private SeedClaims() {
    }

    /** A claim with its assessment on one run. */
    public record Row(Claim claim, Assessment assessment) {
    }

    public static List<Row> assess(SuiteData data) {
        return ALL.stream().map(c -> new Row(c, c.assess(data))).toList();
    }
}
