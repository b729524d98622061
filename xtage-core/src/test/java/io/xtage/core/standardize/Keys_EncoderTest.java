package io.xtage.core.standardize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.LongColumn;

/** Ids of a one-column integral key, whether the encoder uses an array or a hash map. */
class Keys_EncoderTest {

    private static LongColumn column(List<Long> values) {
        LongColumn c = LongColumn.create("k");
        for (Long v : values) {
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v);
            }
        }
        return c;
    }

    /** Ids in order of first appearance, over every build so far; -1 for missing or unknown. */
    private static int[] expected(Map<Long, Integer> seen, List<Long> values, boolean build) {
        int[] ids = new int[values.size()];
        for (int i = 0; i < ids.length; i++) {
            Long v = values.get(i);
            if (v == null) {
                ids[i] = -1;
            } else if (build) {
                ids[i] = seen.computeIfAbsent(v, k -> seen.size());
            } else {
                ids[i] = seen.getOrDefault(v, -1);
            }
        }
        return ids;
    }

    private static List<Long> values(List<Integer> raw, long offset, long stride) {
        List<Long> out = new ArrayList<>();
        for (int r : raw) {
            out.add(r < 0 ? null : offset + r * stride);
        }
        return out;
    }

    private static int[] encode(Keys.Encoder enc, List<Long> values, boolean build) {
        Keys.Domain[] dom = {Keys.Domain.LONG};
        return enc.encode(new Keys.Reader[] {Keys.reader(column(values), dom[0])}, values.size(), build);
    }

    @Test
    void idsAreFirstAppearanceOrder_denseOrSparse_buildThenProbeThenBuildAgain() {
        qt().forAll(lists().of(integers().between(-1, 50)).ofSizeBetween(0, 60),
                lists().of(integers().between(-1, 80)).ofSizeBetween(0, 60),
                integers().between(0, 2))
            .checkAssert((first, second, spread) -> {
                long stride = spread == 0 ? 1 : spread == 1 ? 3 : 1_000_000_007L;
                long offset = spread == 2 ? Long.MAX_VALUE / 2 : -20;
                List<Long> a = values(first, offset, stride);
                List<Long> b = values(second, offset, stride);
                Keys.Encoder enc = new Keys.Encoder(new Keys.Domain[] {Keys.Domain.LONG}, a.size());
                Map<Long, Integer> seen = new HashMap<>();
                assertThat(encode(enc, a, true)).containsExactly(expected(seen, a, true));
                assertThat(enc.size()).isEqualTo(seen.size());
                assertThat(encode(enc, b, false)).containsExactly(expected(seen, b, false));
                assertThat(encode(enc, b, true)).containsExactly(expected(seen, b, true));
                assertThat(encode(enc, a, false)).containsExactly(expected(seen, a, false));
                assertThat(enc.size()).isEqualTo(seen.size());
            });
    }

    @Test
    void extremeCodesAreProbedSafely() {
        List<Long> built = List.of(1L, 2L, 3L);
        Keys.Encoder enc = new Keys.Encoder(new Keys.Domain[] {Keys.Domain.LONG}, 3);
        encode(enc, built, true);
        List<Long> probes = new ArrayList<>(List.of(Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L, 4L, 3L));
        probes.add(null);
        assertThat(encode(enc, probes, false)).containsExactly(-1, -1, -1, -1, 2, -1);
    }
}
