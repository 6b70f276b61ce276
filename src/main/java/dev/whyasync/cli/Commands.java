package dev.whyasync.cli;

import dev.whyasync.report.CompareCommand;
import dev.whyasync.report.ExportCommand;
import dev.whyasync.report.GateCommand;
import dev.whyasync.report.ReportCommand;

import java.util.List;
import java.util.Optional;

/**
 * Every subcommand, in the order {@code --help} lists them. This table is the only place a command
 * is registered; a command implemented in another package joins with one line,
 * {@code Command.external(name, summary, SomeCommand::run)}.
 */
final class Commands {

    static final List<Command> ALL = List.of(
            BenchCommand.COMMAND,
            Command.external("report", "write the Markdown and HTML report of a run", ReportCommand::run),
            Command.external("compare", "compare two runs, benchmark by benchmark", CompareCommand::run),
            Command.external("gate", "exit 1 when a run regressed against a baseline", GateCommand::run),
            Command.external("export", "write a run for another tool (github-action-benchmark)", ExportCommand::run),
            FixtureCommand.COMMAND,
            ProxyCommand.COMMAND,
            CheckCommand.COMMAND,
            JmhCommand.COMMAND);

    private Commands() {
    }

    static Optional<Command> find(String name) {
        return ALL.stream().filter(command -> command.name().equals(name)).findFirst();
    }

    static Command require(String name) {
        return find(name).orElseThrow(() -> new UsageException("unknown command '" + name + "'"
                + Suggestion.didYouMean(name, ALL.stream().map(Command::name).toList()) + " (see --help)"));
    }
}
