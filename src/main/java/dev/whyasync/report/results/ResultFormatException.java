package dev.whyasync.report.results;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.file.Path;

/**
 * A result file that cannot be used: missing, empty, truncated, malformed, or valid JSON that is not
 * a JMH result array. The message is one line that names the file and, when known, the line and
 * column where reading stopped.
 */
public final class ResultFormatException extends Exception {

    private final Path file;
    private final int line;
    private final int column;

    public ResultFormatException(Path file, JsonLocation location, String problem) {
        super(describe(file, location, problem));
        this.file = file;
        this.line = location == null ? -1 : location.getLineNr();
        this.column = location == null ? -1 : location.getColumnNr();
    }

    public Path file() {
        return file;
    }

    /** 1-based line where reading stopped, or -1 when the problem has no position. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    private static String describe(Path file, JsonLocation location, String problem) {
        String where = location == null || location.getLineNr() < 0
                ? file.toString()
                : file + ":" + location.getLineNr() + ":" + location.getColumnNr();
        return where + ": " + problem;
    }
}
