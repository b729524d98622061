package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The lexer against Commons CSV itself: the same records, line numbers and errors, whatever the text. */
class CsvLexerTest {

    /** What a parser made of a text: each record with the line number after it, then an error or the end. */
    private static List<String> commons(String text, CsvOptions o) {
        List<String> out = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(o.csvFormat()).get()) {
            Iterator<CSVRecord> it = p.iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    CSVRecord r = it.next();
                    out.add(r.toList() + " @" + p.getCurrentLineNumber());
                } catch (UncheckedIOException e) {
                    out.add("error: " + e.getCause().getMessage());
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> lexer(Reader in, CsvOptions o, int chunk) {
        List<String> out = new ArrayList<>();
        CsvLexer l = new CsvLexer(in, o.delimiter(), o.quote(), o.isIgnoreEmptyLines(), chunk);
        try {
            while (l.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    String s = l.string(i);
                    assertThat(l.field(i).toString()).isEqualTo(s);
                    assertThat(l.field(i).length()).isEqualTo(s.length());
                    fields.add(s);
                }
                assertThat(l.values()).containsExactlyElementsOf(fields);
                out.add(fields + " @" + l.lineNumber());
            }
        } catch (IOException e) {
            out.add("error: " + e.getMessage());
        }
        return out;
    }

    /** Hands out 1 to 3 chars per read call. */
    private static Reader trickle(String text, long seed) {
        Random random = new Random(seed);
        return new StringReader(text) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return super.read(cbuf, off, Math.min(len, 1 + random.nextInt(3)));
            }
        };
    }

    private static final char[] ALPHABET = {'a', 'b', ' ', '\t', ',', ';', '"', '\'', '\r', '\n', 'x', '\u00e9'};

    private static final CsvOptions[] DIALECTS = {
        CsvOptions.DEFAULT,
        CsvOptions.RFC4180,
        CsvOptions.DEFAULT.toBuilder().delimiter(';').quote('\'').build(),
        CsvOptions.DEFAULT.toBuilder().quote('\0').build(),
        CsvOptions.TSV.toBuilder().ignoreEmptyLines(false).build(),
    };

    private static void assertSameAsCommons(String text) {
        for (CsvOptions o : DIALECTS) {
            List<String> expected = commons(text, o);
            assertThat(lexer(new StringReader(text), o, 1 << 14)).as("%s in %s", text, o).isEqualTo(expected);
            assertThat(lexer(new StringReader(text), o, 1)).as("%s in %s, 1 char chunks", text, o).isEqualTo(expected);
            assertThat(lexer(trickle(text, text.length()), o, 2)).as("%s in %s, trickled", text, o).isEqualTo(expected);
        }
    }

    @Test
    void sameRecordsLinesAndErrorsAsCommonsCsv() {
        qt().withExamples(5_000).forAll(lists().of(integers().between(0, ALPHABET.length - 1)).ofSizeBetween(0, 40))
            .checkAssert(codes -> {
                StringBuilder b = new StringBuilder();
                for (int c : codes) {
                    b.append(ALPHABET[c]);
                }
                assertSameAsCommons(b.toString());
            });
    }

    @Test
    void sameAsCommonsCsv_handPickedTexts() {
        for (String text : new String[] {"", "\n", "\r\n", "\n\n", "a", "a,", ",", "a,b\n", "a,b\r\n\r\nc,d",
            "\"a\"", "\"a\" ,b", "\"a\"x,b", "\"a", "\"a\"\"b\"", "\"\"", "\"\"\"\"", "a\"b,c", "\"a\nb\",c\n",
            "\"a\r\nb\"\r\n", "a,b\n\n\nc\n", "\"x\"\t\n", "a\rb\rc", "\"a\",\n\"b\"", "x,\"unclosed\nmore"}) {
            assertSameAsCommons(text);
        }
    }

    @Test
    void sameAsCommonsCsv_recordsLongerThanTheBuffer() {
        Random rnd = new Random(1);
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < 200; r++) {
            int fields = 1 + rnd.nextInt(5);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    b.append(',');
                }
                int len = rnd.nextInt(10) == 0 ? 40_000 + rnd.nextInt(40_000) : rnd.nextInt(20);
                boolean quoted = rnd.nextBoolean();
                if (quoted) {
                    b.append('"');
                }
                for (int i = 0; i < len; i++) {
                    int k = rnd.nextInt(50);
                    b.append(quoted && k == 0 ? "\"\"" : quoted && k == 1 ? "\n" : quoted && k == 2 ? "," : "v");
                }
                if (quoted) {
                    b.append('"');
                }
            }
            b.append(rnd.nextBoolean() ? "\n" : "\r\n");
        }
        String text = b.toString();
        List<String> expected = commons(text, CsvOptions.DEFAULT);
        assertThat(lexer(new StringReader(text), CsvOptions.DEFAULT, 1 << 14)).isEqualTo(expected);
        assertThat(lexer(trickle(text, 3), CsvOptions.DEFAULT, 7)).isEqualTo(expected);
    }
}
