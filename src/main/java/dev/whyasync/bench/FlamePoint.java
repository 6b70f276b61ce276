package dev.whyasync.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark whose units {@code bench --flame} profiles, and at which operating point: one
 * unit per model, the one whose every other parameter has the value named here ({@code
 * "concurrency=1024"}) when the run has that value, else the run's first value of it. A flame graph
 * per model at one point, rather than one per unit, keeps the report readable and the profiler's
 * cost on a few units.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FlamePoint {
    /** Preferred parameter values, each {@code name=value}. */
    String[] value() default {};
}
