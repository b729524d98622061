package io.xtage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.XtageException;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.Standardizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small behaviours of the Spark engine: rejects, failures that name the problem. */
class SparkEngineTest {
    @TempDir
    static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkW1.configure(SparkSession.builder().master("local[2]").appName("xtage-spark-engine-test")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")).getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SparkRead read(String csv, Schema schema) throws IOException {
        Path f = Files.createTempFile(dir, "in", ".csv");
        Files.writeString(f, csv);
        return SparkSources.csv(spark, "t", f, schema);
    }

    @Test
    void valuesThatDoNotConvertBecomeMissingAndRejectRecords() throws IOException {
        SparkRead r = read("ID,Amount,Day\n1,2.5,2022-01-31\n2,x1,31/01/2022\n3.5,,2022-02-30\n",
            Schema.builder().column("id", ColumnType.LONG).column("amount", ColumnType.DOUBLE)
                .column(ColumnSpec.date("day", "yyyy-MM-dd")).build());
        List<Row> rows = r.table().orderBy("amount").collectAsList();
        assertThat(r.table().count()).isEqualTo(3);
        List<Row> rejects = r.rejects().orderBy("record", "column").collectAsList();
        assertThat(rejects).extracting(x -> x.getLong(1) + ":" + x.getString(2) + "=" + x.getString(3))
            .containsExactly("2:amount=x1", "2:day=31/01/2022", "3:day=2022-02-30", "3:id=3.5");
        assertThat(rows).anyMatch(x -> x.isNullAt(0));
    }

    @Test
    void repeatedRightKeysFailWhenThePolicyIsFail() throws IOException {
        Dataset<Row> left = read("k,v\n1,a\n2,b\n", Schema.builder().column("k", ColumnType.LONG)
            .column("v", ColumnType.STRING).build()).table();
        Dataset<Row> right = read("k,w\n1,x\n1,y\n", Schema.builder().column("k", ColumnType.INT)
            .column("w", ColumnType.STRING).build()).table();
        StandardizationPlan plan = Standardizer.from("l").leftJoin("r").on("k").build();
        assertThatThrownBy(() -> SparkStandardizer.run(plan, Map.of("l", left, "r", right)))
            .isInstanceOf(XtageException.class).hasMessageContaining("1 keys repeat").hasMessageContaining("[1]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void leftJoinOnIntAndLongKeysMatchesAndReportsTheUnmatched() throws IOException {
        Dataset<Row> left = read("k,v\n1,a\n2,b\n,c\n", Schema.builder().column("k", ColumnType.LONG)
            .column("v", ColumnType.STRING).build()).table();
        Dataset<Row> right = read("k,w\n1,x\n3,y\n", Schema.builder().column("k", ColumnType.INT)
            .column("w", ColumnType.STRING).build()).table();
        SparkStandardizeResult r = SparkStandardizer.run(Standardizer.from("l").leftJoin("r").on("k").build(),
            Map.of("l", left, "r", right));
        Map<String, Object> j = r.joinReports().get(0);
        assertThat(j.get("matched_left_rows")).isEqualTo(1L);
        assertThat(j.get("unmatched_left_rows")).isEqualTo(2L);
        assertThat((List<Object>) j.get("unmatched_key_sample")).containsExactlyInAnyOrder("2", "null");
        assertThat(r.table().where("w = 'x'").count()).isEqualTo(1);
    }

    @Test
    void unsupportedPlanFeaturesFailNamingThem() throws IOException {
        Dataset<Row> t = read("k,v\n1,a\n", Schema.builder().column("k", ColumnType.LONG)
            .column("v", ColumnType.STRING).build()).table();
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(1).build();
        assertThatThrownBy(() -> SparkStandardizer.run(plan, Map.of("l", t, "r", t)))
            .isInstanceOf(XtageException.class).hasMessageContaining("tolerance");
    }
}
