package io.xtage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

class StringColumnsTest {

    /** Values 0..distinct-1 as text, "" (missing) where the value is negative. */
    private static List<String> texts(List<Integer> values) {
        List<String> out = new ArrayList<>(values.size());
        for (int v : values) {
            out.add(v < 0 ? "" : "v" + v);
        }
        return out;
    }

    private static StringColumn appended(String name, List<String> values) {
        StringColumn c = StringColumn.create(name);
        for (String v : values) {
            c.append(v);
        }
        return c;
    }

    private static StringColumn built(String name, List<String> values) {
        StringColumns.Builder b = new StringColumns.Builder(4);
        for (String v : values) {
            if (v.isEmpty()) {
                b.appendMissing();
            } else {
                b.append(v);
            }
        }
        return b.build(name);
    }

    /** Same dictionary type, keys per row, maps and their iteration order as Tablesaw's own appends. */
    private static void assertSameState(StringColumn actual, StringColumn expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.asList()).isEqualTo(expected.asList());
        DictionaryMap a = actual.getDictionary();
        DictionaryMap e = expected.getDictionary();
        assertThat(a.getClass()).isEqualTo(e.getClass());
        assertThat(a).isEqualTo(e);
        assertThat(a.countUnique()).isEqualTo(e.countUnique());
        assertThat(a.countMissing()).isEqualTo(e.countMissing());
        assertThat(a.nextKeyWithoutIncrementing()).isEqualTo(e.nextKeyWithoutIncrementing());
        if (e instanceof ByteDictionaryMap) {
            assertThat(List.copyOf(((ByteDictionaryMap) a).getKeyValueEntries()).toString())
                .isEqualTo(List.copyOf(((ByteDictionaryMap) e).getKeyValueEntries()).toString());
            assertThat(List.copyOf(((ByteDictionaryMap) a).getKeyCountEntries()).toString())
                .isEqualTo(List.copyOf(((ByteDictionaryMap) e).getKeyCountEntries()).toString());
        } else if (e instanceof ShortDictionaryMap) {
            assertThat(List.copyOf(((ShortDictionaryMap) a).getKeyValueEntries()).toString())
                .isEqualTo(List.copyOf(((ShortDictionaryMap) e).getKeyValueEntries()).toString());
            assertThat(List.copyOf(((ShortDictionaryMap) a).getKeyCountEntries()).toString())
                .isEqualTo(List.copyOf(((ShortDictionaryMap) e).getKeyCountEntries()).toString());
        }
        assertThat(actual.countByCategory().print()).isEqualTo(expected.countByCategory().print());
    }

    @Test
    void builtColumnIsInTheStateOfAppends_smallDictionaries() {
        qt().forAll(lists().of(integers().between(-1, 20)).ofSizeBetween(0, 200))
            .checkAssert(values -> assertSameState(built("c", texts(values)), appended("c", texts(values))));
    }

    @Test
    void builtColumnIsInTheStateOfAppends_atTheByteLimit() {
        for (int distinct : new int[] {253, 254, 255, 256}) {
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                values.add(i);
                values.add(-1);
                values.add(i / 2);
            }
            StringColumn b = built("c", texts(values));
            assertSameState(b, appended("c", texts(values)));
            assertThat(b.getDictionary()).isInstanceOf(distinct <= 254 ? ByteDictionaryMap.class
                : ShortDictionaryMap.class);
        }
    }

    @Test
    void builtColumnIsInTheStateOfAppends_beyondShortKeys() {
        // more distinct values than a short dictionary holds: Tablesaw decides between int keys and text
        List<Integer> mostlyRepeated = new ArrayList<>();
        List<Integer> allDistinct = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            mostlyRepeated.add(i % 1000);
            allDistinct.add(i);
        }
        for (int i = 0; i < 70_000; i++) {
            mostlyRepeated.add(i);
        }
        StringColumn repeated = built("c", texts(mostlyRepeated));
        assertThat(repeated.asList()).isEqualTo(texts(mostlyRepeated));
        assertThat(repeated.getDictionary()).isInstanceOf(IntDictionaryMap.class);
        StringColumn distinct = built("c", texts(allDistinct));
        assertThat(distinct.asList()).isEqualTo(texts(allDistinct));
        assertThat(distinct.getDictionary()).isInstanceOf(NullDictionaryMap.class);
    }

    @Test
    void builtByCodesIsInTheStateOfAppends() {
        qt().forAll(lists().of(integers().between(-1, 300)).ofSizeBetween(0, 300)).checkAssert(values -> {
            List<String> texts = texts(values);
            StringColumns.Builder b = new StringColumns.Builder(1);
            java.util.Map<String, Integer> codes = new java.util.HashMap<>();
            for (String t : texts) {
                Integer c = codes.get(t);
                if (c == null) {
                    codes.put(t, b.appendText(t));
                } else {
                    b.appendCode(c);
                }
            }
            assertSameState(b.build("c"), appended("c", texts));
        });
    }

    @Test
    void builtColumnTakesNewValuesAfterwards() {
        StringColumn c = built("c", List.of("a", "", "b"));
        c.append("c").append("a").appendMissing();
        c.set(0, "z");
        assertThat(c.asList()).containsExactly("z", "", "b", "c", "a", "");
        assertThat(c.countUnique()).isEqualTo(5);
    }

    @Test
    void gatherEqualsAppendingTheGatheredValues() {
        qt().forAll(lists().of(integers().between(-1, 300)).ofSizeBetween(1, 400),
                lists().of(integers().between(-3, 399)).ofSizeBetween(0, 400))
            .checkAssert((values, picks) -> {
                StringColumn src = appended("src", texts(values));
                int[] rows = picks.stream().mapToInt(p -> p < 0 ? -1 : p % values.size()).toArray();
                List<String> expected = new ArrayList<>();
                for (int r : rows) {
                    expected.add(r < 0 ? "" : src.get(r));
                }
                assertSameState(StringColumns.gather(src, rows, "out"), appended("out", expected));
            });
    }

    @Test
    void mapEqualsAppendingTheMappedValues() {
        // merges values, makes some missing, fills missing ones, keeps others
        java.util.function.UnaryOperator<String> f = v -> v.isEmpty() ? "filled" : v.equals("v1") ? "v2"
            : v.equals("v3") ? "" : v.endsWith("7") ? null : v.toUpperCase(java.util.Locale.ROOT);
        qt().forAll(lists().of(integers().between(-1, 300)).ofSizeBetween(0, 400)).checkAssert(values -> {
            StringColumn src = appended("src", texts(values));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < src.size(); i++) {
                expected.add(f.apply(src.get(i)));
            }
            assertSameState(StringColumns.map(src, "out", f), appended("out", expected));
        });
    }

    @Test
    void mapCallsTheFunctionOncePerDistinctValue() {
        StringColumn src = appended("src", List.of("a", "b", "a", "", "b", ""));
        List<String> calls = new ArrayList<>();
        StringColumns.map(src, "out", v -> {
            calls.add(v);
            return v + "!";
        });
        assertThat(calls).containsExactly("a", "b", "");
    }

    @Test
    void countsEveryValueIncludingMissing() {
        Random rnd = new Random(5);
        List<StringColumn> columns = new ArrayList<>();
        for (int distinct : new int[] {3, 300, 70_000}) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 100_000; i++) {
                values.add(i % 9 == 0 ? "" : "c" + (i < distinct ? i : rnd.nextInt(distinct)));
            }
            columns.add(appended("c", values));
        }
        columns.add(intDictionaryColumn(rnd));
        for (StringColumn c : columns) {
            java.util.Map<String, Integer> expected = new java.util.HashMap<>();
            for (int i = 0; i < c.size(); i++) {
                expected.merge(c.get(i), 1, Integer::sum);
            }
            assertThat(StringColumns.counts(c)).isEqualTo(expected);
        }
    }

    /** Many rows first, then more distinct values than short keys hold: Tablesaw moves to int keys. */
    private static StringColumn intDictionaryColumn(Random rnd) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) {
            values.add(i % 5 == 0 ? "" : "t" + rnd.nextInt(100));
        }
        for (int i = 0; i < 80_000; i++) {
            values.add(i % 5 == 0 ? "" : "u" + i);
            values.add("u" + rnd.nextInt(80_000));
        }
        StringColumn c = appended("i", values);
        assertThat(c.getDictionary()).isInstanceOf(IntDictionaryMap.class);
        return c;
    }

    @Test
    void gatherFromIntAndTextDictionaries() {
        Random rnd = new Random(7);
        StringColumn intKeys = intDictionaryColumn(rnd);
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            distinct.add("d" + i);
        }
        StringColumn text = appended("t", distinct);
        assertThat(text.getDictionary()).isInstanceOf(NullDictionaryMap.class);
        for (StringColumn src : List.of(intKeys, text)) {
            int[] rows = new int[5000];
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                rows[i] = i % 7 == 0 ? -1 : rnd.nextInt(src.size());
                expected.add(rows[i] < 0 ? "" : src.get(rows[i]));
            }
            assertSameState(StringColumns.gather(src, rows, "out"), appended("out", expected));
        }
    }

    @Test
    void readerGivesWhatGetGives() {
        Random rnd = new Random(3);
        List<StringColumn> columns = new ArrayList<>();
        for (int distinct : new int[] {1, 10, 254, 300, 70_000}) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 140_000; i++) {
                values.add(i % 11 == 0 ? "" : "r" + (i < distinct ? i : rnd.nextInt(distinct)));
            }
            columns.add(appended("c", values));
        }
        columns.add(intDictionaryColumn(rnd));
        for (StringColumn c : columns) {
            StringColumns.Reader r = StringColumns.reader(c);
            java.util.Map<String, Integer> keyOf = new java.util.HashMap<>();
            for (int i = 0; i < c.size(); i++) {
                assertThat(r.get(i)).isEqualTo(c.get(i));
                int k = r.key(i);
                if (k >= 0) {
                    // one index per distinct value, and the index gives the value back
                    assertThat(k).isLessThan(r.keys());
                    assertThat(r.text(k)).isEqualTo(c.get(i));
                    assertThat(keyOf.computeIfAbsent(c.get(i), v -> k)).isEqualTo(k);
                } else {
                    assertThat(r.keys()).isZero();
                }
            }
        }
    }
}
