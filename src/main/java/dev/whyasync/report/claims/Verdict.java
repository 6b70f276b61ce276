package dev.whyasync.report.claims;

/** What the numbers say about a claim. */
public enum Verdict {
    SUPPORTED("supported"),
    REFUTED("refuted"),
    MIXED("mixed"),
    /** Measured, but a number's interval straddles its threshold or a part is missing. */
    UNDECIDED("undecided"),
    NOT_MEASURED("not measured");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
