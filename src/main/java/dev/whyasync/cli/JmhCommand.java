package dev.whyasync.cli;

import java.util.List;
import java.util.Set;

/** {@code jmh <options>}: JMH's own command line, untouched, for everything the profiles do not cover. */
final class JmhCommand {

    static final Command COMMAND = new Command("jmh", "jmh <JMH options>",
            "plain JMH, with all its options",
            """
            Hands every argument to JMH's own command line unchanged. For example: -l lists the \
            benchmarks, -lp lists them with their parameters, -p concurrency=1024 sets a parameter, \
            -p target=http://host:8080 points the clients at a fixture on another host, -prof gc adds \
            allocation per operation, -rf json -rff FILE writes the results. JMH's own option list: \
            'jmh -h'.""",
            List.of(), Command.Parsing.RAW, JmhCommand::run);

    private JmhCommand() {
    }

    /** Options that work without any benchmark in the jar. */
    private static final Set<String> WITHOUT_BENCHMARKS = Set.of("-h", "-lprof", "-lrf");

    /** JMH exits the JVM itself, with status 1, when its options or a benchmark fail. */
    static int run(List<String> args, Output io) throws Exception {
        if (args.stream().noneMatch(WITHOUT_BENCHMARKS::contains)) {
            SuitePlan.requireBenchmarkList();
        }
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return 0;
    }
}
