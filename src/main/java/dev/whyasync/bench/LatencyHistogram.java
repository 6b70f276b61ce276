package dev.whyasync.bench;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.openjdk.jmh.util.AbstractStatistics;

/**
 * Task latencies recorded in nanoseconds, read as JMH {@code Statistics} in milliseconds, so that a
 * JMH result built on it has the whole distribution: percentiles for the JSON's
 * {@code scorePercentiles} and the text output's histogram. Immutable. It travels from the forked
 * JVM to the host by Java serialization as HdrHistogram's compressed encoding (a few KB, where the
 * histogram itself is ~270 KB), and is decoded once, on first use.
 */
public final class LatencyHistogram extends AbstractStatistics {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final double NANOS_PER_MILLI = 1e6;

    /** Kept apart from the encoding so that counting does not decode (in the forked JVM, a decode would allocate). */
    private final long count;
    /** HdrHistogram's compressed encoding; null until needed when this was built by merging. */
    private byte[] encoded;
    private transient Histogram histogram;

    private LatencyHistogram(long count, byte[] encoded, Histogram histogram) {
        this.count = count;
        this.encoded = encoded;
        this.histogram = histogram;
    }

    /**
     * A copy of {@code source}'s counts, encoded into {@code scratch} (capacity at least
     * {@code source.getNeededByteBufferCapacity()}) so that the copy allocates only its own bytes:
     * {@code source} can then be recycled.
     */
    static LatencyHistogram copyOf(Histogram source, ByteBuffer scratch) {
        scratch.clear();
        int length = source.encodeIntoCompressedByteBuffer(scratch);
        return new LatencyHistogram(source.getTotalCount(), Arrays.copyOf(scratch.array(), length), null);
    }

    public static LatencyHistogram copyOf(Histogram source) {
        return copyOf(source, ByteBuffer.allocate(source.getNeededByteBufferCapacity()));
    }

    /** All samples of all the parts, as if recorded into one histogram. */
    static LatencyHistogram merge(Collection<LatencyHistogram> parts) {
        Histogram sum = null;
        for (LatencyHistogram part : parts) {
            if (sum == null) {
                sum = part.histogram().copy();
            } else {
                sum.add(part.histogram());
            }
        }
        if (sum == null) {
            throw new IllegalArgumentException("no latency histograms to merge");
        }
        return new LatencyHistogram(sum.getTotalCount(), null, sum);
    }

    /** The decoded histogram in nanoseconds; callers must not change it. */
    Histogram histogram() {
        if (histogram == null) {
            try {
                histogram = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded), 0);
            } catch (DataFormatException e) {
                throw new IllegalStateException("latency histogram does not decode: " + e.getMessage(), e);
            }
        }
        return histogram;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        if (encoded == null) {
            encoded = copyOf(histogram).encoded;
        }
        out.defaultWriteObject();
    }

    @Override
    public long getN() {
        return count;
    }

    @Override
    public double getMin() {
        return histogram().getMinValue() / NANOS_PER_MILLI;
    }

    @Override
    public double getMax() {
        return histogram().getMaxValue() / NANOS_PER_MILLI;
    }

    /** HdrHistogram's nearest-rank percentile: the highest value equivalent to the recorded one at that rank. */
    @Override
    public double getPercentile(double rank) {
        return histogram().getValueAtPercentile(rank) / NANOS_PER_MILLI;
    }

    @Override
    public double getSum() {
        return histogram().getMean() * getN() / NANOS_PER_MILLI;
    }

    @Override
    public double getMean() {
        return getN() == 0 ? Double.NaN : histogram().getMean() / NANOS_PER_MILLI;
    }

    /** The sample variance (n - 1 in the denominator), as JMH's other statistics report it. */
    @Override
    public double getVariance() {
        long n = getN();
        if (n < 2) {
            return Double.NaN;
        }
        double deviation = histogram().getStdDeviation() / NANOS_PER_MILLI;
        return deviation * deviation * n / (n - 1);
    }

    @Override
    public int[] getHistogram(double[] levels) {
        long[] counts = new long[Math.max(0, levels.length - 1)];
        for (HistogramIterationValue value : histogram().recordedValues()) {
            int bin = Arrays.binarySearch(levels, value.getValueIteratedTo() / NANOS_PER_MILLI);
            bin = bin >= 0 ? bin : -bin - 2; // the bin [levels[bin], levels[bin + 1]) that holds the value
            if (bin >= 0 && bin < counts.length) {
                counts[bin] += value.getCountAddedInThisIterationStep();
            }
        }
        return Arrays.stream(counts).mapToInt(c -> (int) Math.min(c, Integer.MAX_VALUE)).toArray();
    }

    @Override
    public Iterator<Map.Entry<Double, Long>> getRawData() {
        Iterator<HistogramIterationValue> values = histogram().recordedValues().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public Map.Entry<Double, Long> next() {
                HistogramIterationValue value = values.next();
                return new SimpleImmutableEntry<>(value.getValueIteratedTo() / NANOS_PER_MILLI,
                        value.getCountAddedInThisIterationStep());
            }
        };
    }
}
