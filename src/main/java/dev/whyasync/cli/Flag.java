package dev.whyasync.cli;

/**
 * One flag a command accepts: {@code --port <port>} when {@code value} names its value,
 * a switch such as {@code --dry-run} when {@code value} is null.
 */
public record Flag(String name, String value, String help) {

    public static Flag valued(String name, String value, String help) {
        return new Flag(name, value, help);
    }

    public static Flag toggle(String name, String help) {
        return new Flag(name, null, help);
    }

    public boolean takesValue() {
        return value != null;
    }

    /** {@code --port <port>} or {@code --dry-run}. */
    public String synopsis() {
        return takesValue() ? name + " <" + value + ">" : name;
    }
}
