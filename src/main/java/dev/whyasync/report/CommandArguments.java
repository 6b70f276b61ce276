package dev.whyasync.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One subcommand's arguments: positionals, {@code --option value} or {@code --option=value}, and
 * switches such as {@code --json}. Anything unknown is a {@link UsageException}, never ignored.
 */
record CommandArguments(List<String> positional, Map<String, String> options, Set<String> switches, boolean help) {

    static CommandArguments parse(List<String> args, Set<String> valueOptions, Set<String> switchOptions)
            throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> switches = new HashSet<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("--")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (valueOptions.contains(name)) {
                    String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    options.put(name, value);
                } else if (switchOptions.contains(name) && !arg.contains("=")) {
                    switches.add(name);
                } else {
                    throw new UsageException("unknown option " + arg);
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                positional.add(arg);
            }
        }
        return new CommandArguments(positional, options, switches, help);
    }

    /** A percentage option such as {@code --threshold 10}: a number above 0 and below 1000. */
    double percent(String name, double fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double percent = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
            if (percent > 0 && percent < 1000) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new UsageException(name + " must be a percentage between 0 and 1000, not '" + value + "'");
    }

    void expectPositionals(int count, String what) throws UsageException {
        if (positional.size() != count) {
            throw new UsageException("expected " + what + ", got " + (positional.isEmpty() ? "none" : String.join(" ", positional)));
        }
    }
}
