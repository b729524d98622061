package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Assertions that a secret appears nowhere: not in a message, a cause, a suppressed exception or a log line. */
final class NoSecrets {
    private NoSecrets() {
    }

    static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        // printStackTrace prints every message: the exception's, its causes' and its suppressed ones'.
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    static void assertNowhere(Throwable t, String log, String... secrets) {
        String all = everything(t);
        for (String s : secrets) {
            assertThat(all).as("exception chain").doesNotContain(s);
            assertThat(log).as("log").doesNotContain(s);
        }
    }
}
