package dev.whyasync.cli;

import dev.whyasync.bench.LimitExceededException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code benchmarks.jar}: finds the subcommand, answers {@code --help}, and
 * turns every failure into one line on stderr and an exit status. A user's mistake is status 2 and
 * never a stack trace; {@code --debug} shows the trace of anything.
 */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int UNEXPECTED = 3;
    private static final String DEBUG = "--debug";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), Output.system()));
    }

    /** Runs one command line and returns the process's exit status instead of exiting. */
    public static int run(List<String> args, Output io) {
        List<String> rest = new ArrayList<>(args);
        boolean debug = false;
        while (!rest.isEmpty() && rest.get(0).equals(DEBUG)) {
            rest.remove(0);
            debug = true;
        }
        try {
            if (!rest.isEmpty() && List.of("help", "--help", "-h").contains(rest.get(0))) {
                if (rest.size() == 1) {
                    io.out().print(help());
                    return OK;
                }
                rest = new ArrayList<>(List.of(rest.get(1), "--help"));
            }
            boolean named = !rest.isEmpty() && !rest.get(0).startsWith("-");
            Command command = named ? Commands.require(rest.get(0)) : BenchCommand.COMMAND;
            List<String> commandArgs = new ArrayList<>(named ? rest.subList(1, rest.size()) : rest);
            if (command.parsing() != Command.Parsing.RAW) {
                debug |= commandArgs.removeIf(DEBUG::equals);
            }
            boolean help = switch (command.parsing()) {
                case HERE -> commandArgs.contains("--help") || commandArgs.contains("-h");
                case RAW -> commandArgs.contains("--help");
                case COMMAND -> false;
            };
            if (help) {
                io.out().print(command.help());
                return OK;
            }
            return command.action().run(commandArgs, io);
        } catch (UsageException | IllegalArgumentException | LimitExceededException e) {
            io.err().println("whyasync: " + e.getMessage());
            if (debug) {
                e.printStackTrace(io.err());
            }
            return USAGE;
        } catch (Exception | Error e) {
            io.err().println("whyasync: unexpected error: " + e
                    + (debug ? "" : " (run again with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(io.err());
            }
            return UNEXPECTED;
        }
    }

    static String help() {
        StringBuilder text = new StringBuilder("""
                whyasync: the "download two pages concurrently" task under nine concurrency models, measured by JMH.

                usage: whyasync [command] [options]
                  where whyasync is scripts/bench, or java -jar target/benchmarks.jar with a JDK 21+;
                  no command runs the default benchmark suite.

                commands:
                """);
        int width = Commands.ALL.stream().mapToInt(command -> command.name().length()).max().orElse(0);
        for (Command command : Commands.ALL) {
            text.append("  ").append(Command.pad(command.name(), width)).append("  ").append(command.summary()).append('\n');
        }
        return text.append("""

                'whyasync <command> --help' shows a command's options; --debug shows stack traces.
                exit status: 0 done, 1 the work failed (incomplete run, regression), 2 a mistake in the
                command line or a limit of this machine, 3 an unexpected error.
                """).toString();
    }
}
