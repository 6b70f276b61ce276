package dev.whyasync.report.compare;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.UsageException;
import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.stats.RatioEstimate;
import dev.whyasync.report.stats.Samples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The CI gate's rule. For each benchmark and parameter set in both runs, the primary score:
 * <ol>
 *   <li>Absolute: new/base must be significant at 95% (Welch, see {@link RatioEstimate}), worse in
 *   the metric's direction, and beyond the threshold.</li>
 *   <li>Within-run: the same model's score relative to a reference model measured in the same run
 *   and parameter set (parameter {@code model}, or the method of a suite benchmark with one method
 *   per model), (new_m / new_ref) / (base_m / base_ref), must pass
 *   the same three tests. A slower or noisier machine slows every model alike, which moves the
 *   absolute ratio but not this one. The reference is the requested model when that parameter
 *   set has it in both runs, else the alphabetically first model present in both; the reference
 *   itself is checked against the next model alphabetically, so it can fail too.</li>
 * </ol>
 * A regression needs both. Where no reference exists (no model parameter, one model only), the
 * absolute test decides alone.
 */
public final class GateRule {

    private GateRule() {
    }

    /**
     * The gate's findings over a comparison of primary scores ({@code RunComparison.of(base, now,
     * thresholdPercent, false)}); the requested reference model, if any, must be in both runs.
     */
    public static List<GateFinding> evaluate(RunComparison comparison, double thresholdPercent, String requestedReference)
            throws UsageException {
        Map<Slot, Change> bySlot = new HashMap<>();
        comparison.changes().forEach(c -> Slot.of(c.key()).ifPresent(slot -> bySlot.putIfAbsent(slot, c)));
        if (requestedReference != null && bySlot.keySet().stream().noneMatch(s -> s.model().equals(requestedReference))) {
            throw new UsageException("reference model '" + requestedReference + "' is not in both runs (models: "
                    + bySlot.keySet().stream().map(Slot::model).distinct().sorted().collect(Collectors.joining(", ")) + ")");
        }
        List<GateFinding> findings = new ArrayList<>();
        for (Change change : comparison.changes()) {
            findings.add(judge(change, bySlot, thresholdPercent, requestedReference));
        }
        return findings;
    }

    private static GateFinding judge(Change change, Map<Slot, Change> bySlot, double threshold, String requested) {
        Optional<Slot> slot = Slot.of(change.key());
        String reference = slot.map(s -> reference(s, bySlot.keySet(), requested)).orElse(null);
        if (reference == null) {
            boolean regression = change.outcome() == Outcome.REGRESSION;
            return new GateFinding(change, null, null, regression,
                    regression ? "significant and beyond threshold; no reference model to check against" : "");
        }
        Change ref = bySlot.get(new Slot(slot.get().group(), reference));
        RatioEstimate relative = RatioEstimate.of(List.of(change.after(), ref.before()), List.of(change.before(), ref.after()));
        Change within = new Change(change.key(), "relative to " + reference, "ratio", change.direction(),
                ratioSamples(change.before(), ref.before()), ratioSamples(change.after(), ref.after()),
                relative, Outcome.of(relative, change.direction(), threshold));
        boolean absolute = change.outcome() == Outcome.REGRESSION;
        boolean confirmed = within.outcome() == Outcome.REGRESSION;
        String why = !absolute ? ""
                : confirmed ? "significant, beyond threshold, and also relative to " + reference
                : "not counted: relative to " + reference + " it is " + within.outcome().text() + " (whole run slower?)";
        return new GateFinding(change, reference, within, absolute && confirmed, why);
    }

    /** The requested model if this group has it in both runs, else the first alphabetically; never the model itself. */
    private static String reference(Slot slot, Set<Slot> all, String requested) {
        TreeSet<String> present = all.stream().filter(s -> s.group().equals(slot.group())).map(Slot::model)
                .collect(Collectors.toCollection(TreeSet::new));
        String reference = requested != null && present.contains(requested) ? requested : present.first();
        if (slot.model().equals(reference)) {
            present.remove(reference);
            return present.isEmpty() ? null : present.first();
        }
        return reference;
    }

    /** The within-run ratio's centre, for display; its interval comes from the four sample sets. */
    private static Samples ratioSamples(Samples model, Samples reference) {
        return new Samples(model.centre() / reference.centre(), 0, Double.NaN);
    }

    /**
     * A measurement's place in its run: the group of results that differ only by model, and the
     * model. The model is the {@code model} parameter or, for the suite's one-method-per-model
     * benchmarks, the method; the group is then the benchmark class.
     */
    record Slot(BenchmarkKey group, String model) {
        static Optional<Slot> of(BenchmarkKey key) {
            Optional<String> model = SuiteLayout.modelOf(key.benchmark(), key.params());
            if (model.isEmpty()) {
                return Optional.empty();
            }
            if (key.params().containsKey(SuiteLayout.MODEL)) {
                return Optional.of(new Slot(key.without(SuiteLayout.MODEL), model.get()));
            }
            String owner = key.benchmark().substring(0, key.benchmark().lastIndexOf('.'));
            return Optional.of(new Slot(new BenchmarkKey(owner, key.mode(), key.params()), model.get()));
        }
    }
}
