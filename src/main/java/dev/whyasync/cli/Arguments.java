package dev.whyasync.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments after parsing against the flags it declares: {@code --name value},
 * {@code --name=value}, switches, and the remaining positional arguments. Every mistake becomes a
 * {@link UsageException} with one line that names the flag, the command and where to look.
 */
public record Arguments(String command, Map<String, String> values, Set<String> switches, List<String> positionals) {

    public static Arguments parse(String command, List<Flag> known, List<String> args) {
        Map<String, Flag> byName = new LinkedHashMap<>();
        known.forEach(flag -> byName.put(flag.name(), flag));
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> switches = new HashSet<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            Flag flag = byName.get(name);
            if (flag == null) {
                throw new UsageException("unknown flag " + name + " for " + command
                        + Suggestion.didYouMean(name, byName.keySet()) + " " + seeHelp(command));
            }
            if (values.containsKey(name) || switches.contains(name)) {
                throw new UsageException("flag " + name + " is given twice for " + command + "; keep one " + seeHelp(command));
            }
            if (!flag.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException("flag " + name + " of " + command + " takes no value; write just " + name + " "
                            + seeHelp(command));
                }
                switches.add(name);
            } else if (eq >= 0) {
                values.put(name, arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(name, args.get(++i));
            } else {
                throw new UsageException("missing value for " + name + " of " + command + "; write " + flag.synopsis() + " "
                        + seeHelp(command));
            }
        }
        return new Arguments(command, Map.copyOf(values), Set.copyOf(switches), List.copyOf(positionals));
    }

    static String seeHelp(String command) {
        return "(see '" + command + " --help')";
    }

    public boolean has(String toggle) {
        return switches.contains(toggle);
    }

    public String string(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    /** The flag's value as a whole number in {@code min..max}, or {@code fallback} when the flag is absent. */
    public int integer(String flag, int fallback, int min, int max) {
        String text = values.get(flag);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range the flag accepts
        }
        throw new UsageException("bad value '" + text + "' for " + flag + " of " + command + ": expected a whole number from "
                + min + " to " + max + " " + seeHelp(command));
    }

    /** Refuses positional arguments, for commands that take flags only. */
    public Arguments withoutPositionals() {
        if (!positionals.isEmpty()) {
            throw new UsageException("unexpected argument '" + positionals.get(0) + "' for " + command
                    + ", which takes only flags " + seeHelp(command));
        }
        return this;
    }
}
