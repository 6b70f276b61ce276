package dev.whyasync.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a benchmark class is for, in one place: the seed claims it produces numbers for (their numbers
 * in DESIGN §8), the question it answers and what result would support the claims. The report reads
 * it from the class named in the JMH results, so the text is never typed twice.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Claims {

    /** Claim numbers, 1 to 15. */
    int[] value();

    /** The question the benchmark answers. */
    String question();

    /** The result that would support the claims; its opposite refutes them. */
    String supportedIf();
}
