package io.xtage.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void checksTheClockOnlyEvery4096Updates() {
        List<Long> rows = new ArrayList<>();
        Progress p = new Progress("s", (source, r, bytes, done) -> rows.add(r), 0);
        for (long i = 1; i <= 10_000; i++) {
            p.update(i, -1);
        }
        assertThat(rows).containsExactly(4096L, 8192L);
    }

    @Test
    void waitsForTheInterval() {
        List<Long> rows = new ArrayList<>();
        Progress p = new Progress("s", (source, r, bytes, done) -> rows.add(r), Long.MAX_VALUE / 4);
        for (long i = 1; i <= 10_000; i++) {
            p.update(i, -1);
        }
        assertThat(rows).isEmpty();
    }

    @Test
    void doneIsAlwaysReported() {
        List<String> calls = new ArrayList<>();
        new Progress("s", (source, r, bytes, done) -> calls.add(source + ":" + r + ":" + bytes + ":" + done))
            .done(3, 99);
        assertThat(calls).containsExactly("s:3:99:true");
    }

    @Test
    void noneListenerCostsNothing() {
        Progress p = new Progress("s", ProgressListener.NONE, 0);
        for (int i = 0; i < 10_000; i++) {
            p.update(i, -1);
        }
        p.done(10_000, -1);
    }
}
