package dev.whyasync.report.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.whyasync.report.results.BenchmarkKey;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The compare command's JSON: plain numbers, with null where an interval or ratio is unknown. */
public final class ComparisonJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Row(String benchmark, String mode, Map<String, String> params, String metric, String unit, String better,
               Double a, Double b, Double ratio, Double ciLow, Double ciHigh, boolean significant, String verdict) {
    }

    record Document(String a, String b, double thresholdPercent, String interval, List<Row> changes,
                    List<String> onlyInA, List<String> onlyInB) {
    }

    private ComparisonJson() {
    }

    public static String write(RunComparison c) {
        List<Row> rows = c.changes().stream().map(ch -> new Row(ch.key().benchmark(), ch.key().mode(), ch.key().params(),
                ch.metric(), ch.unit(), ch.direction().name().toLowerCase(Locale.ROOT),
                finite(ch.before().centre()), finite(ch.after().centre()), finite(ch.ratio().ratio()),
                finite(ch.ratio().low()), finite(ch.ratio().high()), ch.ratio().significant(), ch.outcome().name().toLowerCase(Locale.ROOT)))
                .toList();
        Document doc = new Document(c.before().file().toString(), c.after().file().toString(), c.thresholdPercent(),
                "95% Welch t on log scores over iteration samples", rows,
                c.onlyBefore().stream().map(BenchmarkKey::label).toList(), c.onlyAfter().stream().map(BenchmarkKey::label).toList());
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
