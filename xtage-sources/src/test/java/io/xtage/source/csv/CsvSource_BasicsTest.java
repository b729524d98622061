package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.SchemaException;
import io.xtage.core.SourceException;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSource_BasicsTest {
    @TempDir
    Path dir;

    @Test
    void headerNamesBecomeSnakeCase() {
        ReadResult r = CsvFixtures.read("Transaction_ID,customerName,Date Joined\n1,Ann,2024-01-02\n");

        assertThat(r.table().columnNames()).containsExactly("transaction_id", "customer_name", "date_joined");
    }

    @Test
    void headerNamesKeptWhenSnakeCaseIsOff() {
        ReadResult r = CsvFixtures.read("Transaction_ID,Price\n1,2.5\n",
            CsvOptions.DEFAULT.toBuilder().snakeCaseHeaders(false).build());

        assertThat(r.table().columnNames()).containsExactly("Transaction_ID", "Price");
    }

    @Test
    void typesAreInferredFromTheSample() {
        ReadResult r = CsvFixtures.read("id,price,name,day,ok\n1,2.5,Ann,2024-01-02,true\n2,3,Bob,2024-01-03,false\n");

        assertThat(r.table().columns()).extracting(c -> c.type().name())
            .containsExactly("LONG", "DOUBLE", "STRING", "LOCAL_DATE", "BOOLEAN");
        assertThat(Tables.column(r.table(), "price")).containsExactly(2.5, 3.0);
    }

    @Test
    void declaredSchemaPicksColumnsByHeaderName() {
        Schema s = Schema.builder().column("price", ColumnType.DOUBLE).column("id", ColumnType.LONG).build();

        ReadResult r = CsvFixtures.read("ID,Name,Price\n7,Ann,1.5\n", s);

        assertThat(r.table().columnNames()).containsExactly("price", "id");
        assertThat(Tables.column(r.table(), "id")).containsExactly(7L);
        assertThat(Tables.column(r.table(), "price")).containsExactly(1.5);
    }

    @Test
    void declaredColumnMissingFromHeaderIsASchemaException() {
        Schema s = Schema.builder().column("amount", ColumnType.DOUBLE).build();

        assertThatThrownBy(() -> CsvFixtures.read("id,price\n1,2\n", s))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining(CsvFixtures.NAME)
            .hasMessageContaining("'amount'")
            .hasMessageContaining("[id, price]");
    }

    @Test
    void withoutHeaderDeclaredSchemaMatchesByPosition() {
        Schema s = Schema.builder().column("a", ColumnType.LONG).column("b", ColumnType.STRING).build();
        CsvOptions noHeader = CsvOptions.DEFAULT.toBuilder().header(false).build();

        ReadResult r = CsvFixtures.read("1,x\n2,y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), noHeader, s,
            io.xtage.core.RejectPolicy.lenient());

        assertThat(r.table().columnNames()).containsExactly("a", "b");
        assertThat(Tables.column(r.table(), "a")).containsExactly(1L, 2L);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void withoutHeaderOrNamesColumnsAreNumbered() {
        ReadResult r = CsvFixtures.read("1,x\n2,y\n", CsvOptions.DEFAULT.toBuilder().header(false).build());

        assertThat(r.table().columnNames()).containsExactly("column_1", "column_2");
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void declaredColumnNamesReplaceTheHeader() {
        ReadResult r = CsvFixtures.read("A,B\n1,2\n", CsvOptions.DEFAULT.toBuilder().columnNames("x", "y").build());

        assertThat(r.table().columnNames()).containsExactly("x", "y");
        assertThat(r.table().rowCount()).isEqualTo(1);
    }

    @Test
    void declaredColumnNamesMustMatchTheHeaderWidth() {
        assertThatThrownBy(() -> CsvFixtures.read("A,B,C\n1,2,3\n",
            CsvOptions.DEFAULT.toBuilder().columnNames("x", "y").build()))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("3 columns")
            .hasMessageContaining("declares 2");
    }

    @Test
    void emptyInputGivesAnEmptyTable() {
        ReadResult r = CsvFixtures.read("");

        assertThat(r.table().rowCount()).isZero();
        assertThat(r.table().columnCount()).isZero();
        assertThat(r.recordsRead()).isZero();
    }

    @Test
    void headerOnlyGivesColumnsAndNoRows() {
        ReadResult r = CsvFixtures.read("a,b\n");

        assertThat(r.table().columnNames()).containsExactly("a", "b");
        assertThat(r.table().rowCount()).isZero();
    }

    @Test
    void blankAndMissingTokensAreMissing() {
        ReadResult r = CsvFixtures.read("a,b\n1, \nNA,x\n", CsvOptions.DEFAULT.toBuilder().missingTokens("NA").build());

        assertThat(Tables.column(r.table(), "a")).containsExactly(1L, null);
        assertThat(Tables.column(r.table(), "b")).containsExactly("", "x");
        assertThat(r.report().missing()).containsEntry("a", 1L).containsEntry("b", 1L);
    }

    @Test
    void localeSeparatorsApply() {
        ReadResult r = CsvFixtures.read("p;q\n\"1.234,5\";2\n",
            CsvOptions.DEFAULT.toBuilder().delimiter(';').locale(java.util.Locale.GERMANY).build());

        assertThat(Tables.column(r.table(), "p")).containsExactly(1234.5);
    }

    @Test
    void sourceIsNamedByThePathAsGiven() {
        Path file = CsvFixtures.write(dir, "s.csv", "a\n1\n");

        CsvSource s = CsvSource.builder().path(file).build();

        assertThat(s.name()).isEqualTo(file.toString());
        assertThat(s.read().table().name()).isEqualTo(file.toString());
    }

    @Test
    void missingFileIsASourceException() {
        CsvSource s = CsvSource.builder().path(dir.resolve("nope.csv")).build();

        assertThatThrownBy(s::read)
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("nope.csv")
            .hasMessageContaining("no such file")
            .satisfies(e -> assertThat(((SourceException) e).sourceName()).endsWith("nope.csv"));
    }

    @Test
    void progressEndsWithAllRecordsAndFileBytes() {
        Path file = CsvFixtures.write(dir, "p.csv", "a\n1\n2\n3\n");
        List<long[]> calls = new ArrayList<>();

        CsvSource.builder().path(file).build().read((src, rows, bytes, done) -> {
            if (done) {
                calls.add(new long[] {rows, bytes});
            }
        });

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly(3, 8);
    }

    @Test
    void readingTwiceGivesTheSameTable() {
        Path file = CsvFixtures.write(dir, "twice.csv", "a,b\n1,x\n2,y\n");
        CsvSource s = CsvSource.builder().path(file).build();

        assertThat(Tables.snapshot(s.read())).isEqualTo(Tables.snapshot(s.read()));
    }

    @Test
    void buildWithoutPathIsAnIllegalStateException() {
        assertThatThrownBy(() -> CsvSource.builder().build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("CsvSource.Builder.path(Path)");
    }

    @Test
    void declaredSchemaWithoutColumnsIsASchemaException() {
        assertThatThrownBy(() -> CsvFixtures.read("a\n1\n", Schema.of()))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("the declared schema has no columns");
    }

    @Test
    void formatLeavesTheCallersStreamOpen() {
        boolean[] closed = {false};
        java.io.InputStream in = new java.io.ByteArrayInputStream("a\n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        CsvSource.format(CsvOptions.DEFAULT).read("body", in, io.xtage.core.ProgressListener.NONE);

        assertThat(closed[0]).isFalse();
    }
}
