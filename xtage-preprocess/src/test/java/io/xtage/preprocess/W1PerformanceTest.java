package io.xtage.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * W1 step 5 on a synthetic 1,000,000-row unified table. Opt-in, because it is a measurement:
 * {@code mvn -B -o test -pl xtage-preprocess -Dtest=W1PerformanceTest -Dxtage.perf=true}.
 */
@EnabledIfSystemProperty(named = "xtage.perf", matches = "true")
class W1PerformanceTest {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(W1PerformanceTest.class);

    /** About 1% exact duplicate rows, 2% negative quantities, 2.5% negative prices, 3-5% missing values. */
    static Table unified(int n, long seed) {
        Random r = new Random(seed);
        long[] tid = new long[n];
        long[] pid = new long[n];
        long[] qty = new long[n];
        long[] stock = new long[n];
        long[] cid = new long[n];
        double[] price = new double[n];
        double[] lp = new double[n];
        double[] ta = new double[n];
        double[] age = new double[n];
        double[] eur = new double[n];
        int[] td = new int[n];
        int[] dj = new int[n];
        String[] pname = new String[n];
        String[] cat = new String[n];
        String[] cname = new String[n];
        String[] gender = new String[n];
        String[] loc = new String[n];
        String[] cats = {"Books", "Clothing", "Electronics", "Furniture", "Toys"};
        String[] gs = {"Female", "female", "F", "M", "male", "Non-binary", ""};
        String[] ls = {"Paris", "Lyon", "Berlin", "Unknown", "", "Madrid"};
        for (int i = 0; i < n; i++) {
            int src = i > 0 && r.nextInt(100) == 0 ? r.nextInt(i) : i;
            if (src != i) {
                tid[i] = tid[src];
                pid[i] = pid[src];
                qty[i] = qty[src];
                stock[i] = stock[src];
                cid[i] = cid[src];
                price[i] = price[src];
                lp[i] = lp[src];
                ta[i] = ta[src];
                age[i] = age[src];
                eur[i] = eur[src];
                td[i] = td[src];
                dj[i] = dj[src];
                pname[i] = pname[src];
                cat[i] = cat[src];
                cname[i] = cname[src];
                gender[i] = gender[src];
                loc[i] = loc[src];
                continue;
            }
            tid[i] = i + 1;
            pid[i] = r.nextInt(10000);
            qty[i] = r.nextInt(50) == 0 ? -1 : 1 + r.nextInt(10);
            stock[i] = r.nextInt(20) == 0 ? Long.MIN_VALUE : r.nextInt(500);
            cid[i] = r.nextInt(100000);
            price[i] = r.nextInt(30) == 0 ? Double.NaN
                : r.nextInt(40) == 0 ? -r.nextDouble() * 10 : Math.round(r.nextDouble() * 100000) / 100.0;
            lp[i] = r.nextInt(30) == 0 ? Double.NaN : Math.round(r.nextDouble() * 100000) / 100.0;
            ta[i] = r.nextInt(30) == 0 ? Double.NaN : r.nextDouble() * 1000;
            age[i] = r.nextInt(20) == 0 ? Double.NaN : 10 + r.nextInt(80);
            eur[i] = r.nextInt(25) == 0 ? Double.NaN : 0.8 + r.nextDouble() * 0.4;
            td[i] = PackedLocalDate.pack(LocalDate.of(2022, 1, 1).plusDays(r.nextInt(700)));
            dj[i] = PackedLocalDate.pack(LocalDate.of(2020, 1, 1).plusDays(r.nextInt(700)));
            pname[i] = "Product " + pid[i];
            cat[i] = r.nextInt(50) == 0 ? "" : cats[r.nextInt(cats.length)];
            cname[i] = "Customer " + cid[i];
            gender[i] = gs[r.nextInt(gs.length)];
            loc[i] = ls[r.nextInt(ls.length)];
        }
        return Table.create("unified", LongColumn.create("transaction_id", tid), LongColumn.create("product_id", pid),
            LongColumn.create("quantity", qty), DoubleColumn.create("price", price),
            DateColumn.createInternal("transaction_date", td), StringColumn.create("product_name", pname),
            StringColumn.create("category", cat), DoubleColumn.create("list_price", lp),
            LongColumn.create("stock_available", stock), LongColumn.create("customer_id", cid),
            DoubleColumn.create("total_amount", ta), StringColumn.create("customer_name", cname),
            DoubleColumn.create("age", age), StringColumn.create("gender", gender), StringColumn.create("location", loc),
            DateColumn.createInternal("date_joined", dj), DoubleColumn.create("eur_rate", eur));
    }

    @Test
    void w1Step5_onAMillionRows() {
        Table t = unified(1_000_000, 1);
        DataPreprocessor plan = AssignmentPipelineTest.w1Plan();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            PreprocessResult r = plan.fitTransform(t);
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            best = Math.min(best, wallMs);
            log.info("W1 step 5, 1M rows: wall {} ms, thread cpu {} ms, per step {} ms, rows out {}", wallMs, cpuMs,
                r.report().elapsedMillis(), r.table().rowCount());
            assertThat(r.report().rowsOut() + r.report().rowsRemoved()).isEqualTo(1_000_000);
            assertThat(r.table().columnCount()).isEqualTo(25);
        }
        assertThat(best).as("best wall time in ms").isLessThan(10_000);
    }
}
