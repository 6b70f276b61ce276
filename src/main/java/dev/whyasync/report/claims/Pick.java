package dev.whyasync.report.claims;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;

/** A model picked from several by one of its numbers: the cheapest, the fastest. */
record Pick(String model, double value) {

    static Optional<Pick> lowest(Collection<String> models, Function<String, OptionalDouble> value) {
        return all(models, value).min(Comparator.comparingDouble(Pick::value));
    }

    static Optional<Pick> highest(Collection<String> models, Function<String, OptionalDouble> value) {
        return all(models, value).max(Comparator.comparingDouble(Pick::value));
    }

    private static Stream<Pick> all(Collection<String> models, Function<String, OptionalDouble> value) {
        return models.stream().flatMap(m -> {
            OptionalDouble v = value.apply(m);
            return v.isPresent() ? Stream.of(new Pick(m, v.getAsDouble())) : Stream.empty();
        });
    }
}
