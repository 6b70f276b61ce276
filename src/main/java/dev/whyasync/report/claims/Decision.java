package dev.whyasync.report.claims;

/**
 * How one part of a claim came out: yes or no only when the whole confidence interval of its
 * number lies on one side of the rule's threshold, undecided when the interval straddles it (or
 * there is none). Parts combine as three-valued logic: "or" is yes when either is yes, "and" is no
 * when either is no.
 */
enum Decision {
    YES, NO, UNDECIDED;

    static Decision of(boolean holds) {
        return holds ? YES : NO;
    }

    Decision or(Decision other) {
        if (this == YES || other == YES) {
            return YES;
        }
        return this == NO && other == NO ? NO : UNDECIDED;
    }

    Decision and(Decision other) {
        if (this == NO || other == NO) {
            return NO;
        }
        return this == YES && other == YES ? YES : UNDECIDED;
    }

    String text() {
        return switch (this) {
            case YES -> "yes";
            case NO -> "no";
            case UNDECIDED -> "undecided";
        };
    }
}
