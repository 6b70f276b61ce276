package dev.whyasync.cli;

import java.io.PrintStream;

/**
 * Where a command writes: its results and plans to {@code out}, problems to {@code err}. Tests pass
 * their own. The process's own streams spell symbols in ASCII where the locale cannot show them.
 */
public record Output(PrintStream out, PrintStream err) {

    public static Output system() {
        return new Output(AsciiPrintStream.of(System.out), AsciiPrintStream.of(System.err));
    }
}
