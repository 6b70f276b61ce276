package dev.whyasync.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known word closest to a mistyped one, if it is close enough to be a typo. */
final class Suggestion {
    private static final int MAX_EDITS = 2;

    private Suggestion() {
    }

    static Optional<String> closest(String typed, Collection<String> known) {
        return known.stream()
                .filter(word -> distance(typed, word) <= Math.min(MAX_EDITS, word.length() / 2))
                .min(Comparator.comparingInt(word -> distance(typed, word)));
    }

    /** "; did you mean --port?" or nothing. */
    static String didYouMean(String typed, Collection<String> known) {
        return closest(typed, known).map(word -> "; did you mean " + word + "?").orElse("");
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit ("--prot" is one edit from "--port"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
