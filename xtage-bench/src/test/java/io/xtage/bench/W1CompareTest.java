package io.xtage.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run with {@code mvn -B -o test -pl xtage-bench -DskipTests=false} (the module skips tests by default). */
class W1CompareTest {

    private static final String HEADER = "transaction_id,gender,age_group,total,total_eur,price_z\n";
    private static final String ROWS = HEADER
        + "3,male,18-30,10.5,8.4,0.25\n"
        + "1,female,>50,2.0,1.6,-1.5\n"
        + "2,,31-50,,,0.0\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private int compare(String a, String b) throws IOException {
        Path pa = dir.resolve("a.csv");
        Path pb = dir.resolve("b.csv");
        Files.writeString(pa, a);
        Files.writeString(pb, b);
        return W1Compare.compare(pa, pb, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sameRowsInAnotherOrderAgree() throws IOException {
        String shuffled = HEADER
            + "2,,31-50,,,0.0\n"
            + "3,male,18-30,10.5,8.4,0.25\n"
            + "1,female,>50,2.0,1.6,-1.5\n";
        assertThat(compare(ROWS, shuffled)).isZero();
        assertThat(output()).contains("ok   cells            all cells agree").doesNotContain("DIFF");
    }

    @Test
    void numbersWithinToleranceAgreeWhateverTheirSpelling() throws IOException {
        String b = ROWS.replace("0.25", "0.25000000000000006").replace("2.0,1.6", "2,1.6");
        assertThat(compare(ROWS, b)).isZero();
    }

    @Test
    void numberBeyondToleranceIsADifference() throws IOException {
        assertThat(compare(ROWS, ROWS.replace("0.25", "0.2500001"))).isEqualTo(1);
        assertThat(output()).contains("DIFF column price_z: 1 cells differ, e.g. tid=3.0: 0.25 vs 0.2500001");
    }

    @Test
    void sumOfTotalEurIsChecked() throws IOException {
        assertThat(compare(ROWS, ROWS.replace("8.4", "8.5"))).isEqualTo(1);
        assertThat(output()).contains("DIFF sum(total_eur)   A=10.0  B=10.1");
    }

    @Test
    void textIsComparedExactly() throws IOException {
        assertThat(compare(ROWS, ROWS.replace("female", "Female"))).isEqualTo(1);
        assertThat(output()).contains("DIFF column gender: 1 cells differ, e.g. tid=1.0: 'female' vs 'Female'");
    }

    @Test
    void missingAgainstValueIsADifferenceAndChangesMissingCounts() throws IOException {
        assertThat(compare(ROWS, ROWS.replace("2,,31-50", "2,male,31-50"))).isEqualTo(1);
        assertThat(output())
            .contains("DIFF missing          A={gender=1, total=1, total_eur=1}  B={total=1, total_eur=1}")
            .contains("DIFF column gender: 1 cells differ, e.g. tid=2.0: <missing> vs 'male'");
    }

    @Test
    void ageGroupCountsAreChecked() throws IOException {
        assertThat(compare(ROWS, ROWS.replace(">50", "31-50"))).isEqualTo(1);
        assertThat(output()).contains("DIFF age_group        A={18-30=1, 31-50=1, >50=1}  B={18-30=1, 31-50=2}");
    }

    @Test
    void differentRowCountsAreADifferenceAndCellsAreNotCompared() throws IOException {
        assertThat(compare(ROWS, ROWS + "4,male,<18,1.0,0.8,1.0\n")).isEqualTo(1);
        assertThat(output()).contains("DIFF rows             A=3  B=4").contains("cells            not compared");
    }

    @Test
    void columnOrderIsChecked() throws IOException {
        String swapped = "transaction_id,age_group,gender,total,total_eur,price_z\n"
            + "3,18-30,male,10.5,8.4,0.25\n"
            + "1,>50,female,2.0,1.6,-1.5\n"
            + "2,31-50,,,,0.0\n";
        assertThat(compare(ROWS, swapped)).isEqualTo(1);
        assertThat(output()).contains("DIFF columns").contains("ok   cells");
    }

    @Test
    void rowsRepeatingAnIdLineUpByTheirContent() throws IOException {
        String a = HEADER + "5,male,18-30,1.0,1.0,0.5\n" + "5,female,18-30,2.0,2.0,0.5\n";
        String b = HEADER + "5,female,18-30,2.0,2.0,0.5\n" + "5,male,18-30,1.0,1.0,0.5\n";
        assertThat(compare(a, b)).isZero();
    }

    @Test
    void fileWithoutTransactionIdIsRefused() {
        assertThatThrownBy(() -> compare("a,b\n1,2\n", "a,b\n1,2\n"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("has no column transaction_id");
    }

    @Test
    void raggedRowIsRefusedWithItsRecordNumber() {
        assertThatThrownBy(() -> compare(ROWS + "4,male\n", ROWS))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("record 4: 2 fields, the header has 6");
    }

    @Test
    void numbersAreRecognisedAsPandasReadsThem() {
        assertThat(LoadedCsv.isNumber("-1.5e-3")).isTrue();
        assertThat(LoadedCsv.isNumber("1241.0099999999998")).isTrue();
        assertThat(LoadedCsv.isNumber(".5")).isTrue();
        assertThat(LoadedCsv.isNumber("NaN")).isTrue();
        assertThat(LoadedCsv.isNumber("-inf")).isTrue();
        assertThat(LoadedCsv.isNumber("2022-12-06")).isFalse();
        assertThat(LoadedCsv.isNumber("1e")).isFalse();
        assertThat(LoadedCsv.isNumber(" 1")).isFalse();
        assertThat(LoadedCsv.isNumber(".")).isFalse();
        assertThat(LoadedCsv.parseNumber("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
