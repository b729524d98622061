package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.Source;
import io.xtage.core.XtageException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * What every source promises, as property tests: a test class implements this and generates
 * sources over varied input, good and bad. Shared by the CSV and JSON tests.
 */
public interface SourceContract {
    /** @return sources over generated inputs, each re-readable */
    Gen<Source> sources();

    /** @return how many generated sources each property is checked on */
    default int examples() {
        return 60;
    }

    @Test
    default void readingTwiceGivesEqualResults() {
        qt().withExamples(examples()).forAll(sources()).checkAssert(s ->
            assertThat(Outcome.of(s)).isEqualTo(Outcome.of(s)));
    }

    @Test
    default void recordsReadEqualRowsKeptPlusRowsRejected() {
        qt().withExamples(examples()).forAll(sources()).checkAssert(s -> {
            Outcome o = Outcome.of(s);
            if (o.result == null) {
                return;
            }
            ReadResult r = o.result;
            long dropped = r.rejects().stream().filter(Reject::isRowDropped).map(Reject::recordNumber).distinct().count();
            assertThat(r.recordsRead()).isEqualTo(r.table().rowCount() + r.report().rowsRejected());
            assertThat(r.report().rowsRejected()).isEqualTo(dropped);
        });
    }

    @Test
    default void failsOnlyWithXtageExceptions() {
        qt().withExamples(examples()).forAll(sources()).checkAssert(s ->
            assertThatCode(() -> {
                try {
                    s.read();
                } catch (XtageException e) {
                    // a clear failure is allowed; any other exception type is not
                }
            }).doesNotThrowAnyException());
    }

    @Test
    default void rejectsNameTheSourceAndARecord() {
        qt().withExamples(examples()).forAll(sources()).checkAssert(s -> {
            Outcome o = Outcome.of(s);
            if (o.result != null) {
                for (Reject r : o.result.rejects()) {
                    assertThat(r.source()).isEqualTo(s.name());
                    assertThat(r.recordNumber()).isBetween(1L, o.result.recordsRead());
                }
            }
        });
    }

    /** A read's result as a comparable value, or the failure it ended with. */
    final class Outcome {
        final ReadResult result;
        final List<Object> snapshot;
        final String failure;

        private Outcome(ReadResult result, String failure) {
            this.result = result;
            this.snapshot = result == null ? null : Tables.snapshot(result);
            this.failure = failure;
        }

        static Outcome of(Source s) {
            try {
                return new Outcome(s.read(), null);
            } catch (XtageException e) {
                return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome && Objects.equals(snapshot, ((Outcome) o).snapshot)
                && Objects.equals(failure, ((Outcome) o).failure);
        }

        @Override
        public int hashCode() {
            return Objects.hash(snapshot, failure);
        }

        @Override
        public String toString() {
            return failure != null ? failure : snapshot.stream().map(String::valueOf).collect(Collectors.joining("\n"));
        }
    }
}
