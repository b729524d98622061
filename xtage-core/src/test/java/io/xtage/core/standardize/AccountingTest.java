package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Every row a join adds or removes is accounted for in its report. */
class AccountingTest {
    @Test
    void leftJoinOutputIsLeftRowsPlusTheExtraRowsOfOneToManyMatches() {
        Table orders = table("orders", longs("customer_id", 1L, 2L, 3L, null));
        Table addresses = table("addresses", longs("customer_id", 1L, 1L, 1L, 2L, 9L),
            strings("city", "a", "b", "c", "d", "e"));
        StandardizeResult r = Standardizer.from("orders", orders).leftJoin("addresses", addresses).on("customer_id")
            .expect(Cardinality.MANY_TO_MANY).run();
        JoinReport rep = r.joinReports().get(0);
        // customer 1 matches 3 rows: 2 extra rows
        assertThat(rep.toMap()).containsEntry("left_rows", 4L).containsEntry("right_rows", 5L)
            .containsEntry("matched_left_rows", 2L).containsEntry("unmatched_left_rows", 2L)
            .containsEntry("unmatched_key_sample", List.of("3", "null"))
            .containsEntry("right_duplicate_keys", 1L).containsEntry("output_rows", 6L);
        assertThat(r.table().rowCount()).isEqualTo(6);
    }

    @Test
    void reportMapHasExactlyTheDocumentedKeys() {
        Table f = table("f", longs("k", 1L));
        JoinReport rep = Standardizer.from("f", f).leftJoin("l", table("l", longs("k", 1L))).on("k").run()
            .joinReports().get(0);
        assertThat(rep.toMap()).containsOnlyKeys("left", "right", "type", "left_rows", "right_rows",
            "matched_left_rows", "unmatched_left_rows", "unmatched_key_sample", "right_duplicate_keys", "output_rows");
        assertThat(rep.toMap().keySet()).containsExactly("left", "right", "type", "left_rows", "right_rows",
            "matched_left_rows", "unmatched_left_rows", "unmatched_key_sample", "right_duplicate_keys", "output_rows");
    }

    @Test
    void rowCountsReconcileForEveryJoinType() {
        qt().withExamples(300)
            .forAll(lists().of(integers().between(-1, 4)).ofSizeBetween(0, 15),
                lists().of(integers().between(-1, 4)).ofSizeBetween(0, 15), integers().between(0, 2))
            .checkAssert((lk, rk, t) -> {
                JoinType type = JoinType.values()[t];
                Table left = table("l", longs("k", keys(lk)));
                Table right = table("r", longs("k", keys(rk)), longs("v", keys(rk)));
                Standardizer s = Standardizer.from("l", left);
                s = type == JoinType.LEFT ? s.leftJoin("r", right) : type == JoinType.INNER ? s.innerJoin("r", right)
                    : s.fullJoin("r", right);
                StandardizeResult res = s.on("k").expect(Cardinality.MANY_TO_MANY).run();
                JoinReport rep = res.joinReports().get(0);

                long extra = 0;
                long unmatchedRight = 0;
                for (Integer l : lk) {
                    long m = rk.stream().filter(x -> l >= 0 && x.equals(l)).count();
                    extra += Math.max(0, m - 1);
                }
                for (Integer x : rk) {
                    if (x < 0 || !lk.contains(x)) {
                        unmatchedRight++;
                    }
                }
                long out = res.table().rowCount();
                assertThat(rep.outputRows()).isEqualTo(out);
                assertThat(rep.matchedLeftRows() + rep.unmatchedLeftRows()).isEqualTo(rep.leftRows());
                switch (type) {
                    case LEFT:
                        assertThat(out).isEqualTo(rep.leftRows() + extra);
                        break;
                    case INNER:
                        assertThat(out).isEqualTo(rep.leftRows() - rep.unmatchedLeftRows() + extra);
                        break;
                    default:
                        assertThat(rep.unmatchedRightRows()).isEqualTo(unmatchedRight);
                        assertThat(out).isEqualTo(rep.leftRows() + extra + unmatchedRight);
                }
            });
    }

    private static Long[] keys(List<Integer> k) {
        return k.stream().map(x -> x < 0 ? null : (long) x).toArray(Long[]::new);
    }

    @Test
    void inputRowsReconcileWithTheirFilters() {
        Table f = table("f", longs("x", 1L, -2L, 3L, null));
        StandardizeResult r = Standardizer.from("f", f).where(RowFilter.gt("x", 0)).run();
        InputReport in = r.inputReports().get(0);
        assertThat(in.rowsIn()).isEqualTo(4);
        assertThat(in.rowsRemovedByFilter()).isEqualTo(2);
        assertThat(in.rowsOut()).isEqualTo(2).isEqualTo(r.table().rowCount());
    }
}
