package io.xtage.source.csv;

import java.io.IOException;

/** A problem the reader below the CSV parser found in the text, with the line where known. */
final class CsvInputException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Problem {
        /** Bytes that are not valid in the charset. */
        MALFORMED,
        /** A record longer than the limit, most likely an unclosed quote. */
        RECORD_TOO_LONG
    }

    private final Problem problem;
    private final long line;

    CsvInputException(Problem problem, String message, long line) {
        super(message);
        this.problem = problem;
        this.line = line;
    }

    Problem problem() {
        return problem;
    }

    /** @return the 1-based line, or -1 when unknown */
    long line() {
        return line;
    }
}
