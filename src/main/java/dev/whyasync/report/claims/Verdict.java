package dev.whyasync.report.claims;

/** What the numbers say about a claim. */
public enum Verdict {
    SUPPORTED("supported"),
    REFUTED("refuted"),
    MIXED("mixed"),
    NOT_MEASURED("not measured");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
