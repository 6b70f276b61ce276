package dev.whyasync.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a command printed and returned, for tests that call the commands in-process. */
record CommandOutput(int code, String out, String err) {

    interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    static CommandOutput of(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A user mistake: exit 2 and exactly one line on stderr, no stack trace. */
    boolean isOneLineError(String command) {
        return code == 2 && err.lines().count() == 1 && err.startsWith(command + ": ")
                && !err.contains("Exception") && !err.contains("\tat ");
    }
}
