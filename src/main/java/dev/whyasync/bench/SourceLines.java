package dev.whyasync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Source lines of code of a model's file: lines that hold code, so not blank, not a comment and not
 * inside a block comment (Javadoc and KDoc included); a line of code with a trailing comment counts.
 * Package and import lines count, as they do in any file. The count stops where another top-level
 * declaration that is not part of the model starts (such as {@code object CoroutinePrimitives}, which
 * may follow the coroutines model in its Kotlin file). The sources are read from the
 * {@code model-sources/} resources the build copies into the jar, or from the source tree when the
 * code runs from it.
 */
final class SourceLines {
    /** Where the build puts the model package's sources in the jar. */
    static final String RESOURCE_DIR = "model-sources/";
    private static final Path SOURCE_TREE = Path.of("src", "main", "java", "dev", "whyasync", "model");
    /** Top-level declarations that live in a model's file but are not the model. */
    private static final Pattern NOT_THE_MODEL = Pattern.compile("^\\s*(?:\\w+\\s+)*object\\s+CoroutinePrimitives\\b");

    private SourceLines() {
    }

    /** Lines of code of {@code fileName} (e.g. {@code SequentialModel.java}) in the model package's sources. */
    static int ofModelFile(String fileName) {
        return count(read(fileName));
    }

    static int count(String source) {
        int lines = 0;
        boolean inBlockComment = false;
        for (String line : source.split("\\R", -1)) {
            boolean code = false;
            int i = 0;
            while (i < line.length()) {
                if (inBlockComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        break;
                    }
                    inBlockComment = false;
                    i = end + 2;
                } else if (line.startsWith("/*", i)) {
                    inBlockComment = true;
                    i += 2;
                } else if (line.startsWith("//", i)) {
                    break;
                } else {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        code = true;
                    }
                    i = skipStringLiteral(line, i);
                }
            }
            if (code && NOT_THE_MODEL.matcher(line).find()) {
                break;
            }
            if (code) {
                lines++;
            }
        }
        return lines;
    }

    /** The index after the character at {@code i}, or after the string or char literal that starts there. */
    private static int skipStringLiteral(String line, int i) {
        char quote = line.charAt(i);
        if (quote != '"' && quote != '\'') {
            return i + 1;
        }
        int j = i + 1;
        while (j < line.length() && line.charAt(j) != quote) {
            j += line.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, line.length());
    }

    private static String read(String fileName) {
        try (InputStream in = SourceLines.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path inTree = SOURCE_TREE.resolve(fileName);
            if (Files.isRegularFile(inTree)) {
                return Files.readString(inTree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + fileName, e);
        }
        throw new IllegalStateException("no source for " + fileName + ": neither the resource " + RESOURCE_DIR + fileName
                + " (copied by the build) nor " + SOURCE_TREE.resolve(fileName) + " (when run from the source tree)");
    }
}
