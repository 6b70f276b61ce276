package dev.whyasync.cli;

import java.io.PrintStream;

/** Where a command writes: its results and plans to {@code out}, problems to {@code err}. Tests pass their own. */
public record Output(PrintStream out, PrintStream err) {

    public static Output system() {
        return new Output(System.out, System.err);
    }
}
