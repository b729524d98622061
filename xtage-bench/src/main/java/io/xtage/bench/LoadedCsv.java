package io.xtage.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file held by column, compactly enough for two 5M-row W1 outputs in a few GB: a numeric
 * column as {@code double[]} (NaN for missing), a text column as {@code int[]} codes into a
 * {@link Dictionary} that both files share (-1 for missing). An empty cell is missing, as in
 * {@code compare_outputs.py} ({@code keep_default_na=False, na_values=[""]}).
 *
 * <p>Reading takes two passes: {@link #scan} finds each column's kind and the row count, then
 * {@link #load} fills arrays of exactly that size with the kinds agreed for both files.
 */
final class LoadedCsv {

    /** What {@link #scan} learns about a file. */
    static final class Shape {
        final List<String> columns;
        /** numeric[i]: every non-empty cell of column i reads as a number. */
        final boolean[] numeric;
        final int rows;

        Shape(List<String> columns, boolean[] numeric, int rows) {
            this.columns = columns;
            this.numeric = numeric;
            this.rows = rows;
        }
    }

    /** Text values to dense codes; shared by both files so that equal text has equal codes. */
    static final class Dictionary {
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int code(String s) {
            Integer c = codes.get(s);
            if (c == null) {
                c = values.size();
                codes.put(s, c);
                values.add(s);
            }
            return c;
        }

        String value(int code) {
            return code < 0 ? null : values.get(code);
        }
    }

    final Path path;
    final List<String> columns;
    final int rows;
    /** per column: double[] (numeric) or int[] (text codes). */
    private final Object[] data;
    private final Dictionary[] dictionaries;

    private LoadedCsv(Path path, List<String> columns, int rows, Object[] data, Dictionary[] dictionaries) {
        this.path = path;
        this.columns = columns;
        this.rows = rows;
        this.data = data;
        this.dictionaries = dictionaries;
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private static CSVParser open(Path path) throws IOException {
        BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        try {
            return FORMAT.parse(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static Shape scan(Path path) throws IOException {
        try (CSVParser p = open(path)) {
            List<String> columns = List.copyOf(p.getHeaderNames());
            int n = columns.size();
            boolean[] numeric = new boolean[n];
            Arrays.fill(numeric, true);
            long rows = 0;
            for (CSVRecord r : p) {
                checkWidth(path, r, n);
                for (int i = 0; i < n; i++) {
                    if (numeric[i]) {
                        String v = r.get(i);
                        if (!v.isEmpty() && !isNumber(v)) {
                            numeric[i] = false;
                        }
                    }
                }
                rows++;
            }
            if (rows > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(path + ": too many rows to compare in memory (" + rows + ")");
            }
            return new Shape(columns, numeric, (int) rows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * @param numericByName the kind to hold each column as (absent: text)
     * @param dictionaries one dictionary per column name, shared with the other file
     */
    static LoadedCsv load(Path path, Shape shape, Map<String, Boolean> numericByName,
            Map<String, Dictionary> dictionaries) throws IOException {
        int n = shape.columns.size();
        Object[] data = new Object[n];
        Dictionary[] dicts = new Dictionary[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            String name = shape.columns.get(i);
            numeric[i] = numericByName.getOrDefault(name, false);
            if (numeric[i]) {
                data[i] = new double[shape.rows];
            } else {
                data[i] = new int[shape.rows];
                dicts[i] = dictionaries.computeIfAbsent(name, k -> new Dictionary());
            }
        }
        int row = 0;
        try (CSVParser p = open(path)) {
            for (CSVRecord r : p) {
                if (row == shape.rows) {
                    throw new IllegalArgumentException(path + " changed while it was being compared");
                }
                checkWidth(path, r, n);
                for (int i = 0; i < n; i++) {
                    String v = r.get(i);
                    if (numeric[i]) {
                        ((double[]) data[i])[row] = v.isEmpty() ? Double.NaN : parseNumber(v);
                    } else {
                        ((int[]) data[i])[row] = v.isEmpty() ? -1 : dicts[i].code(v);
                    }
                }
                row++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (row != shape.rows) {
            throw new IllegalArgumentException(path + " changed while it was being compared");
        }
        return new LoadedCsv(path, shape.columns, shape.rows, data, dicts);
    }

    private static void checkWidth(Path path, CSVRecord r, int n) {
        if (r.size() != n) {
            throw new IllegalArgumentException(path + " record " + r.getRecordNumber() + ": " + r.size()
                + " fields, the header has " + n);
        }
    }

    int indexOf(String column) {
        return columns.indexOf(column);
    }

    boolean isNumeric(int column) {
        return data[column] instanceof double[];
    }

    double number(int column, int row) {
        return ((double[]) data[column])[row];
    }

    int code(int column, int row) {
        return ((int[]) data[column])[row];
    }

    /** @return the text of a text cell, or null when missing */
    String text(int column, int row) {
        return dictionaries[column].value(code(column, row));
    }

    boolean isMissing(int column, int row) {
        return isNumeric(column) ? Double.isNaN(number(column, row)) : code(column, row) < 0;
    }

    /** @return the cell for a message: the number, the text, or {@code <missing>} */
    String show(int column, int row) {
        if (isMissing(column, row)) {
            return "<missing>";
        }
        return isNumeric(column) ? Double.toString(number(column, row)) : "'" + text(column, row) + "'";
    }

    /**
     * Whether a cell is a number as pandas would read it: a decimal with optional sign, fraction
     * and exponent, or NaN / inf / infinity in any case.
     */
    static boolean isNumber(String s) {
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return false;
        }
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        if (isSpecial(s.substring(i))) {
            return true;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpecial(String s) {
        return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity");
    }

    /** @param s a cell for which {@link #isNumber} holds */
    static double parseNumber(String s) {
        char c = s.charAt(0);
        boolean signed = c == '+' || c == '-';
        String body = signed ? s.substring(1) : s;
        if (isSpecial(body)) {
            if (body.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            return c == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(s);
    }
}
