package io.xtage.source.jdbc;

import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.spi.RejectCollector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Moves one result-set column into one Tablesaw column, value by value, without going through
 * text. A value the column cannot hold (a NaN, Tablesaw's own missing marker, a date outside
 * Tablesaw's packed range, a value the driver cannot convert) becomes missing and a reject.
 */
abstract class ColumnReader<C extends Column<?>> {
    /**
     * Tablesaw packs a date's year into 16 bits; years outside this range would wrap silently.
     * PostgreSQL's {@code infinity} dates arrive as {@code LocalDate.MAX} and fall outside too.
     */
    static final int MAX_YEAR = Short.MAX_VALUE;
    static final int MIN_YEAR = -Short.MAX_VALUE;

    final String name;
    final String sqlType;
    /** Typed, so each subclass appends primitives without boxing. */
    final C col;
    private final String kind;
    private final String source;
    private final RejectCollector rejects;

    ColumnReader(C col, String kind, String sqlType, String source, RejectCollector rejects) {
        this.name = col.name();
        this.sqlType = sqlType;
        this.col = col;
        this.kind = kind;
        this.source = source;
        this.rejects = rejects;
    }

    /** Reads the value of column {@code index} (1-based) of the current row into the column. */
    final void read(ResultSet rs, int index, long record) throws SQLException {
        try {
            readValue(rs, index, record);
        } catch (SQLException e) {
            // Class 22 is "data exception": this value, not the query, is the problem.
            if (e.getSQLState() == null || !e.getSQLState().startsWith("22")) {
                throw e;
            }
            String raw;
            try {
                raw = rs.getString(index);
            } catch (SQLException again) {
                raw = null;
            }
            reject(record, raw, "cannot read " + sqlType + " value as " + kind + ": " + e.getMessage());
            col.appendMissing();
        }
    }

    abstract void readValue(ResultSet rs, int index, long record) throws SQLException;

    final C column() {
        return col;
    }

    final void reject(long record, Object raw, String reason) {
        rejects.add(Reject.builder(source, record).column(name).rawValue(raw == null ? null : String.valueOf(raw))
            .reason(reason).kind(RejectKind.TYPE).rowDropped(false).build());
    }

    static boolean fitsTablesaw(LocalDate d) {
        return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
    }

    static final class Ints extends ColumnReader<IntColumn> {
        Ints(String name, String sqlType, String source, RejectCollector rejects) {
            super(IntColumn.create(name), "INT", sqlType, source, rejects);
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            int v = rs.getInt(index);
            if (rs.wasNull()) {
                col.appendMissing();
            } else if (v == Integer.MIN_VALUE) {
                reject(record, v, "INT value " + v + " is Tablesaw's missing-value marker; cast the column to bigint");
                col.appendMissing();
            } else {
                col.append(v);
            }
        }
    }

    static final class Longs extends ColumnReader<LongColumn> {
        Longs(String name, String sqlType, String source, RejectCollector rejects) {
            super(LongColumn.create(name), "LONG", sqlType, source, rejects);
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            long v = rs.getLong(index);
            if (rs.wasNull()) {
                col.appendMissing();
            } else if (v == Long.MIN_VALUE) {
                reject(record, v, "LONG value " + v + " is Tablesaw's missing-value marker");
                col.appendMissing();
            } else {
                col.append(v);
            }
        }
    }

    static final class Doubles extends ColumnReader<DoubleColumn> {
        Doubles(String name, String sqlType, String source, RejectCollector rejects) {
            super(DoubleColumn.create(name), "DOUBLE", sqlType, source, rejects);
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            double v = rs.getDouble(index);
            if (rs.wasNull()) {
                col.appendMissing();
            } else if (Double.isNaN(v)) {
                // Tablesaw stores a missing double as NaN: a real NaN would silently count as missing.
                reject(record, "NaN", "NaN cannot be kept apart from a missing value in a DOUBLE column");
                col.appendMissing();
            } else {
                col.append(v);
            }
        }
    }

    static final class Booleans extends ColumnReader<BooleanColumn> {
        Booleans(String name, String sqlType, String source, RejectCollector rejects) {
            super(BooleanColumn.create(name), "BOOLEAN", sqlType, source, rejects);
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            boolean v = rs.getBoolean(index);
            if (rs.wasNull()) {
                col.appendMissing();
            } else {
                col.append(v);
            }
        }
    }

    /** Text, trimmed; blank text is missing, as in every xtage source. */
    static final class Strings extends ColumnReader<StringColumn> {
        Strings(String name, String sqlType, String source, RejectCollector rejects) {
            super(StringColumn.create(name), "STRING", sqlType, source, rejects);
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            String v = rs.getString(index);
            if (v == null) {
                col.appendMissing();
            } else {
                String s = v.strip();
                if (s.isEmpty()) {
                    col.appendMissing();
                } else {
                    col.append(s);
                }
            }
        }
    }

    static final class Dates extends ColumnReader<DateColumn> {
        Dates(String name, String sqlType, String source, RejectCollector rejects) {
            super(DateColumn.create(name), "LOCAL_DATE", sqlType, source, rejects);
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            LocalDate v = rs.getObject(index, LocalDate.class);
            if (v == null) {
                col.appendMissing();
            } else if (!fitsTablesaw(v)) {
                reject(record, rs.getString(index), "date is outside the years " + MIN_YEAR + " to " + MAX_YEAR
                    + " that a LOCAL_DATE column holds");
                col.appendMissing();
            } else {
                col.append(v);
            }
        }
    }

    /** timestamp as is; timestamptz as the same instant in UTC. */
    static final class DateTimes extends ColumnReader<DateTimeColumn> {
        private final boolean withZone;

        DateTimes(String name, String sqlType, String source, RejectCollector rejects, boolean withZone) {
            super(DateTimeColumn.create(name), "LOCAL_DATE_TIME", sqlType, source, rejects);
            this.withZone = withZone;
        }

        @Override
        void readValue(ResultSet rs, int index, long record) throws SQLException {
            LocalDateTime v;
            try {
                if (withZone) {
                    OffsetDateTime o = rs.getObject(index, OffsetDateTime.class);
                    v = o == null ? null : o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                } else {
                    v = rs.getObject(index, LocalDateTime.class);
                }
            } catch (DateTimeException e) {
                // infinity arrives as OffsetDateTime.MAX, which has no UTC form
                reject(record, rs.getString(index), "timestamp has no LOCAL_DATE_TIME form: " + e.getMessage());
                col.appendMissing();
                return;
            }
            if (v == null) {
                col.appendMissing();
            } else if (!fitsTablesaw(v.toLocalDate())) {
                reject(record, rs.getString(index), "timestamp is outside the years " + MIN_YEAR + " to " + MAX_YEAR
                    + " that a LOCAL_DATE_TIME column holds");
                col.appendMissing();
            } else {
                col.append(v);
            }
        }
    }
}
