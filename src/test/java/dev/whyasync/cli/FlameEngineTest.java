package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.cli.Profiles.Profile;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Where perf events are not allowed, flame graphs fall back to the itimer engine, and the plan
 * says which engine and why; {@code --flame-engine} overrides the choice; the profiled units are
 * one per model at each benchmark's flame point.
 */
class FlameEngineTest {

    @Test
    void perfEventsOnlyWhereTheKernelOrTheProcessAllowsThem() {
        assertEquals("cpu", FlameEngine.choose(OptionalInt.of(1), false, null).event());
        assertEquals("cpu", FlameEngine.choose(OptionalInt.of(-1), false, null).event());
        assertEquals("cpu", FlameEngine.choose(OptionalInt.of(2), true, null).event(), "CAP_PERFMON");
        FlameEngine container = FlameEngine.choose(OptionalInt.of(2), false, null);
        assertEquals(new FlameEngine("itimer", "kernel.perf_event_paranoid=2 forbids perf events to this process; "
                + "itimer samples CPU time without kernel stacks"), container);
        assertEquals("itimer", FlameEngine.choose(OptionalInt.of(4), false, null).event());
        assertEquals("itimer", FlameEngine.choose(OptionalInt.empty(), true, null).event(), "not Linux");
        assertEquals(new FlameEngine("ctimer", "--flame-engine ctimer"), FlameEngine.choose(OptionalInt.of(1), true, "ctimer"));
        assertEquals("cpu", FlameEngine.choose(OptionalInt.of(3), false, "cpu").event(), "the user's word wins");
        UsageException unknown = assertThrows(UsageException.class, () -> FlameEngine.choose(OptionalInt.of(1), true, "itmer"));
        assertEquals("unknown engine 'itmer' for --flame-engine; did you mean itimer? (choose cpu, itimer, ctimer)",
                unknown.getMessage());
    }

    @Test
    void thePlanNamesTheFallbackEngineAndProfilesOneUnitPerModelAtTheFlamePoint() {
        FlameEngine fallback = FlameEngine.choose(OptionalInt.of(3), false, null);
        Profile profile = new SuiteChoice("default", "^dev\\.whyasync\\.bench\\.(LoadBenchmark|IoBenchmark)\\.", Map.of())
                .resolve().choosing(List.of(), false, fallback);
        SuitePlan plan = SuitePlan.of(profile, SuitePlan.inJar(profile));
        assertTrue(plan.describe().contains("\n  CPU engine itimer: kernel.perf_event_paranoid=3 forbids perf events"),
                plan.describe());
        List<RunUnit> profiled = plan.units().stream().filter(RunUnit::flamePoint).toList();
        assertEquals(20, profiled.size(), "ten models, two benchmarks: " + profiled);
        for (RunUnit unit : profiled) {
            Map<String, String> params = unit.params();
            if (unit.benchmark().endsWith("LoadBenchmark.tasks")) {
                assertEquals("2000", params.get("rate"), unit.label());
            } else {
                assertEquals(List.of("1024", "20"), List.of(params.get("concurrency"), params.get("delay")), unit.label());
            }
        }
        assertEquals(10, profiled.stream().map(unit -> unit.params().get("model")).distinct().count());
    }

    @Test
    void aPointTheRunDoesNotHaveFallsToItsFirstValue() {
        Profile profile = new SuiteChoice("quick", "^dev\\.whyasync\\.bench\\.IoBenchmark\\.",
                Map.of("concurrency", List.of("64", "256"), "model", List.of("futures")), null, List.of(), false, true, "itimer")
                .resolve();
        List<RunUnit> profiled = SuitePlan.of(profile, SuitePlan.inJar(profile)).units().stream()
                .filter(RunUnit::flamePoint).toList();
        assertEquals(1, profiled.size());
        assertEquals("64", profiled.get(0).params().get("concurrency"));
    }

    @Test
    void fullRecordsFlameGraphsUnlessToldNotTo() {
        assertTrue(new SuiteChoice("full", null, Map.of()).resolve().recordsFlames());
        assertTrue(!new SuiteChoice("full", null, Map.of(), null, List.of(), false, false, null).resolve().recordsFlames());
        assertTrue(!new SuiteChoice("default", null, Map.of()).resolve().recordsFlames());
        UsageException both = assertThrows(UsageException.class,
                () -> new SuiteChoice("full", null, Map.of(), null, List.of(), false, false, "itimer"));
        assertEquals("--flame-engine chooses how --flame samples the CPU; drop it or --no-flame (see 'bench --help')",
                both.getMessage());
    }
}
