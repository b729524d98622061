package io.xtage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.Reject;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.standardize.RowFilter;
import io.xtage.core.standardize.Standardizer;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.StandardizeResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Casts and dates with declared patterns: the Spark engine's values and reject reasons are the
 * one-machine engine's. Also holds the parity check the other {@code SparkStandardizer*Test}
 * classes use: one plan on both engines, the same output (cell for cell, after sorting; doubles
 * within 1e-9), the same reports and the same rejects.
 */
class SparkStandardizerParityTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = start("xtage-spark-standardizer-parity-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static Table texts() {
        String[] v = {"12", " 13 ", "x", "", "   ", "1,000", "9223372036854775807", "-9223372036854775808",
            "2147483648", "1e3", "1.5.2", "-0.5", "true", "no", "2022-02-30", "2022-01-31", "2022-01-31T10:15",
            "31/01/2022", " 01/02/2022 "};
        long[] id = new long[v.length];
        for (int i = 0; i < id.length; i++) {
            id[i] = i + 1;
        }
        return Table.create("t", LongColumn.create("id", id), StringColumn.create("a", v), StringColumn.create("b", v),
            StringColumn.create("c", v), StringColumn.create("d", v), StringColumn.create("e", v),
            StringColumn.create("f", v), StringColumn.create("g", v));
    }

    @Test
    void castsFromTextGiveTheOneMachineValuesAndReasons() {
        StandardizationPlan plan = Standardizer.from("t").cast("a", ColumnType.LONG).cast("b", ColumnType.INT)
            .cast("c", ColumnType.DOUBLE).cast("d", ColumnType.BOOLEAN).cast("e", ColumnType.LOCAL_DATE)
            .cast("f", ColumnType.LOCAL_DATE_TIME).build();
        Both b = assertSame(spark, plan, Map.of("t", texts()));
        assertThat(b.remoteRejects).contains("t|3|a|x|cannot parse 'x' as LONG (unexpected character 'x' at position 1)");
        // the one-machine engine trims: " 13 " is the number 13, not a reject
        assertThat(b.localRejects).noneMatch(x -> x.startsWith("t|2|a|") || x.startsWith("t|2|b|"));
    }

    @Test
    void datesWithPatternsGiveTheOneMachineValuesAndReasons() {
        StandardizationPlan plan = Standardizer.from("t").dates("a", DatePatterns.of("dd/MM/yyyy", "yyyy-MM-dd"))
            .dates("b", DatePatterns.of("yyyy-MM-dd'T'HH:mm", "dd/MM/yyyy")).build();
        Both b = assertSame(spark, plan, Map.of("t", texts()));
        assertThat(b.remoteRejects).isNotEmpty();
    }

    @Test
    void castsBetweenTypesGiveTheOneMachineValuesAndReasons() {
        Table t = Table.create("t", LongColumn.create("id", 1, 2, 3, 4, 5),
            DoubleColumn.create("d", 2.5, 3.0, 1e20, Double.NaN, -0.0),
            LongColumn.create("l", 3_000_000_000L, 1, (1L << 53) + 1, Long.MIN_VALUE, 0),
            IntColumn.create("i", 2, 1, 0, Integer.MIN_VALUE, 7),
            DateTimeColumn.create("ts", LocalDateTime.of(2022, 1, 1, 10, 0), LocalDateTime.of(2022, 1, 2, 0, 0), null,
                LocalDateTime.of(2022, 1, 3, 0, 0, 1), LocalDateTime.of(2022, 1, 4, 0, 0)),
            DateColumn.create("day", LocalDate.of(2022, 1, 1), null, LocalDate.of(2022, 3, 1), LocalDate.of(2020, 2, 29),
                LocalDate.of(2022, 1, 5)),
            BooleanColumn.create("flag", true, false, true, false, true));
        t.booleanColumn("flag").setMissing(2);
        Table d = t.copy();
        d.addColumns(d.doubleColumn("d").copy().setName("d2"), d.longColumn("l").copy().setName("l2"),
            d.intColumn("i").copy().setName("i2"), d.dateColumn("day").copy().setName("day2"),
            d.booleanColumn("flag").copy().setName("flag2"));
        StandardizationPlan plan = Standardizer.from("t").cast("d", ColumnType.LONG).cast("l", ColumnType.INT)
            .cast("l2", ColumnType.DOUBLE).cast("i", ColumnType.BOOLEAN).cast("ts", ColumnType.LOCAL_DATE)
            .cast("day", ColumnType.LOCAL_DATE_TIME).cast("d2", ColumnType.STRING).cast("day2", ColumnType.STRING)
            .cast("flag", ColumnType.INT).cast("flag2", ColumnType.DOUBLE).cast("i2", ColumnType.LONG).build();
        Both b = assertSame(spark, plan, Map.of("t", d));
        assertThat(b.remoteRejects).contains("t|1|d|2.5|cannot cast 2.5 to LONG (not an integer)");
    }

    @Test
    void castRejectsCarryRecordNumbersBeforeTheFilters() {
        StandardizationPlan plan = Standardizer.from("t").cast("a", ColumnType.LONG)
            .where(RowFilter.gt("id", 4L)).build();
        assertSame(spark, plan, Map.of("t", texts()));
    }

    /** A local session for one test class, configured as the engine's entry point configures one. */
    static SparkSession start(String app) {
        return SparkSession.builder().master("local[2]").appName(app).config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2").config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
            .config("spark.sql.datetime.java8API.enabled", "true").config("spark.sql.ansi.enabled", "false")
            .getOrCreate();
    }

    /** Both results, for assertions beyond parity. */
    static final class Both {
        final StandardizeResult local;
        final SparkStandardizeResult remote;
        final List<String> localRejects;
        final List<String> remoteRejects;

        Both(StandardizeResult local, SparkStandardizeResult remote, List<String> localRejects,
             List<String> remoteRejects) {
            this.local = local;
            this.remote = remote;
            this.localRejects = localRejects;
            this.remoteRejects = remoteRejects;
        }
    }

    static Map<String, Dataset<Row>> datasets(SparkSession spark, Map<String, Table> tables) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        tables.forEach((k, v) -> out.put(k, SparkTables.fromTablesaw(spark, v)));
        return out;
    }

    static Both assertSame(SparkSession spark, StandardizationPlan plan, Map<String, Table> tables) {
        StandardizeResult local = plan.run(tables);
        SparkStandardizeResult remote = SparkStandardizer.run(plan, datasets(spark, tables));
        Table remoteTable = SparkTables.toTablesaw(remote.table(), "remote");

        Map<String, Object> lm = local.toMap();
        Map<String, Object> rm = remote.toMap();
        assertThat(rm.get("joins")).as("join reports").isEqualTo(lm.get("joins"));
        assertThat(rm.get("inputs")).as("input reports").isEqualTo(lm.get("inputs"));
        assertThat(rm.get("columns")).as("column origins").isEqualTo(lm.get("columns"));
        assertThat(rm.get("rows")).as("rows").isEqualTo(lm.get("rows"));
        assertThat(rm.get("rejects")).as("reject count").isEqualTo(lm.get("rejects"));

        assertThat(remoteTable.columnNames()).as("columns").isEqualTo(local.table().columnNames());
        for (int i = 0; i < local.table().columnCount(); i++) {
            assertThat(remoteTable.column(i).type()).as("type of " + local.table().column(i).name())
                .isEqualTo(local.table().column(i).type());
        }
        List<List<Object>> lr = SortedRows.of(local.table());
        List<List<Object>> rr = SortedRows.of(remoteTable);
        assertThat(rr).as("row count").hasSameSizeAs(lr);
        for (int r = 0; r < lr.size(); r++) {
            for (int c = 0; c < lr.get(r).size(); c++) {
                Object a = lr.get(r).get(c);
                Object b = rr.get(r).get(c);
                String where = "row " + r + " " + lr.get(r) + ", column " + local.table().column(c).name();
                if (a instanceof Double && b instanceof Double) {
                    assertThat((Double) b).as(where).isCloseTo((Double) a, org.assertj.core.data.Offset.offset(1e-9));
                } else {
                    assertThat(b).as(where).isEqualTo(a);
                }
            }
        }
        List<String> localRejects = new ArrayList<>();
        for (Reject x : local.rejects()) {
            localRejects.add(x.source() + "|" + x.recordNumber() + "|" + x.column().orElse("") + "|" + x.rawValue()
                + "|" + x.reason());
        }
        List<String> remoteRejects = new ArrayList<>();
        for (Row x : remote.rejects().collectAsList()) {
            remoteRejects.add(x.getString(0) + "|" + x.getLong(1) + "|" + (x.isNullAt(2) ? "" : x.getString(2)) + "|"
                + (x.isNullAt(3) ? "" : x.getString(3)) + "|" + x.getString(4));
        }
        assertThat(remoteRejects).as("rejects").containsExactlyInAnyOrderElementsOf(localRejects);
        return new Both(local, remote, localRejects, remoteRejects);
    }
}
