package dev.whyasync.report.claims;

import dev.whyasync.report.stats.Samples;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A model picked from several by one of its numbers: the cheapest, the fastest. The pick goes by
 * the published score; its samples travel with it, so that the ratio a rule then forms carries the
 * uncertainty of both sides and an extreme picked from noise does not decide a part by itself.
 */
record Pick(String model, Samples samples) {

    double value() {
        return samples.centre();
    }

    static Optional<Pick> lowest(Collection<String> models, Function<String, Optional<Samples>> value) {
        return all(models, value).min(Comparator.comparingDouble(Pick::value));
    }

    static Optional<Pick> highest(Collection<String> models, Function<String, Optional<Samples>> value) {
        return all(models, value).max(Comparator.comparingDouble(Pick::value));
    }

    private static Stream<Pick> all(Collection<String> models, Function<String, Optional<Samples>> value) {
        return models.stream().flatMap(m -> value.apply(m).map(s -> new Pick(m, s)).stream());
    }
}
