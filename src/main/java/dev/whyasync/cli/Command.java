package dev.whyasync.cli;

import java.util.List;

/**
 * One subcommand: its name, its one-line summary for the command list, the text of its
 * {@code --help}, and what it does. {@code flags} lists the flags that help text shows.
 * {@link Parsing} says who reads which arguments: this package, the command itself, or JMH.
 */
public record Command(String name, String synopsis, String summary, String description, List<Flag> flags,
                      Parsing parsing, Action action) {
    private static final int WIDTH = 100;

    /** Who reads a command's arguments. */
    public enum Parsing {
        /** {@code --help}, {@code -h} and {@code --debug} are taken here; the command parses the rest with {@link Arguments}. */
        HERE,
        /** The command parses every argument and answers {@code --help} itself; only {@code --debug} is taken here. */
        COMMAND,
        /** Every argument but {@code --help} reaches the command untouched, {@code -h} and {@code --debug} included. */
        RAW
    }

    /** Runs the command and returns its exit status. */
    @FunctionalInterface
    public interface Action {
        int run(List<String> args, Output io) throws Exception;
    }

    /** A command implemented elsewhere as {@code static int run(List<String> args)}, printing on System.out and System.err. */
    @FunctionalInterface
    public interface External {
        int run(List<String> args) throws Exception;
    }

    public static Command of(String name, String synopsis, String summary, String description, List<Flag> flags, Action action) {
        return new Command(name, synopsis, summary, description, flags, Parsing.HERE, action);
    }

    /** A command that parses its own arguments and writes its own help. */
    public static Command external(String name, String summary, External action) {
        return new Command(name, name + " ...", summary, "", List.of(), Parsing.COMMAND, (args, io) -> action.run(args));
    }

    /** The text of {@code <name> --help}, for commands whose help is kept here. */
    public String help() {
        StringBuilder text = new StringBuilder("usage: whyasync ").append(synopsis).append("\n\n")
                .append(wrap(description, WIDTH)).append('\n');
        if (!flags.isEmpty()) {
            text.append("\noptions:\n");
            int width = flags.stream().mapToInt(flag -> flag.synopsis().length()).max().orElse(0);
            for (Flag flag : flags) {
                text.append("  ").append(pad(flag.synopsis(), width)).append("  ").append(flag.help()).append('\n');
            }
            text.append("  ").append(pad("--help", width)).append("  this text\n");
        }
        return text.toString();
    }

    /** Breaks a paragraph into lines of at most {@code width} characters, at spaces. */
    static String wrap(String paragraph, int width) {
        StringBuilder text = new StringBuilder();
        int lineStart = 0;
        for (String word : paragraph.split(" ")) {
            if (text.length() > lineStart && text.length() - lineStart + 1 + word.length() > width) {
                text.append('\n');
                lineStart = text.length();
            } else if (text.length() > lineStart) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
