package dev.whyasync.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * A console whose locale is not UTF-8 ({@code LANG=C}, a CI runner) shows '?' for every symbol it
 * cannot encode: "warmup 8 ? 2 s". This stream writes the plain ASCII spelling of the symbols the
 * harness and JMH print ({@code x} for the multiplication sign, {@code +-}, {@code us}) instead, and
 * leaves every other character to the charset. The surprising fact: {@code PrintStream.println(String)}
 * of a subclass goes through {@link #print(String)}, so overriding the three {@code print}s is enough.
 */
final class AsciiPrintStream extends PrintStream {
    private static final Map<Character, String> PLAIN = Map.of('×', "x", '±', "+-", 'µ', "u", '≈', "~", '–', "-",
            '—', "-", '…', "...", '≥', ">=", '≤', "<=", '→', "->");

    private AsciiPrintStream(PrintStream console) {
        super(console, true, console.charset());
    }

    /** {@code console} itself when its charset has the harness's symbols, else a stream that spells them in ASCII. */
    static PrintStream of(PrintStream console) {
        return encodesSymbols(console.charset()) ? console : new AsciiPrintStream(console);
    }

    static boolean encodesSymbols(Charset charset) {
        return charset.newEncoder().canEncode("×±µ≈");
    }

    /** {@code text} with each symbol this class knows spelled in ASCII. */
    static String plain(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            String spelled = PLAIN.get(text.charAt(i));
            if (spelled != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                out.append(spelled != null ? spelled : String.valueOf(text.charAt(i)));
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public void print(String text) {
        super.print(plain(String.valueOf(text)));
    }

    @Override
    public void print(Object value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }
}
