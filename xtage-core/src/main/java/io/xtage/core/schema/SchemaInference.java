package io.xtage.core.schema;

import io.xtage.core.CoercionException;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.DateInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Infers column types from a bounded sample of raw values.
 *
 * <p>For each column, the first type that every non-missing sample value fits, in the order
 * LONG (ids and counts are 64-bit, so an INT key never meets a LONG key), DOUBLE, BOOLEAN,
 * LOCAL_DATE, LOCAL_DATE_TIME, STRING. A column with no value in the sample is STRING. Date
 * columns get no formats: their formats are inferred per shape from all values when read.
 * Values after the sample that do not fit become rejects, not crashes. Stateless and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class SchemaInference {
    /** Rows sampled by default: enough to see rare spellings, small enough to hold in memory. */
    public static final int DEFAULT_SAMPLE_ROWS = 10_000;

    private SchemaInference() {
    }

    /**
     * @param names the column names, in order
     * @param sample rows of raw values (a row may be shorter than the names; missing cells are missing)
     * @param options what counts as missing, separators
     * @return the inferred schema, every column nullable
     * @since 0.1.0
     */
    public static Schema infer(List<String> names, List<String[]> sample, CoercionOptions options) {
        Objects.requireNonNull(options, "options");
        List<ColumnSpec> cols = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            List<String> values = new ArrayList<>();
            for (String[] row : sample) {
                if (c < row.length && !options.isMissing(row[c])) {
                    values.add(row[c]);
                }
            }
            cols.add(ColumnSpec.of(names.get(c), inferType(values, options)));
        }
        return Schema.of(cols);
    }

    /**
     * @param values non-missing raw values
     * @param options separators and boolean spellings
     * @return the first type all values fit; STRING when there are none
     * @since 0.1.0
     */
    public static ColumnType inferType(List<String> values, CoercionOptions options) {
        if (values.isEmpty()) {
            return ColumnType.STRING;
        }
        if (all(values, v -> Coercers.parseLong(v, options))) {
            return ColumnType.LONG;
        }
        if (all(values, v -> Coercers.parseDouble(v, options))) {
            return ColumnType.DOUBLE;
        }
        if (all(values, v -> Coercers.parseBoolean(v, options))) {
            return ColumnType.BOOLEAN;
        }
        DateInference.Accumulator acc = DateInference.accumulator(options.defaultDateOrder());
        boolean allShaped = true;
        for (String v : values) {
            allShaped &= acc.add(v, 1);
        }
        if (allShaped) {
            DateInference inferred = acc.result();
            if (all(values, inferred::parseDate)) {
                return ColumnType.LOCAL_DATE;
            }
            if (all(values, inferred::parseDateTime)) {
                return ColumnType.LOCAL_DATE_TIME;
            }
        }
        return ColumnType.STRING;
    }

    private interface Parse {
        void apply(String v);
    }

    private static boolean all(List<String> values, Parse p) {
        try {
            for (String v : values) {
                p.apply(v);
            }
            return true;
        } catch (CoercionException e) {
            return false;
        }
    }
}
