package io.xtage.core.coerce;

import java.time.LocalDate;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Reads the shape of a date spelling: three numeric fields with one separator, the 4-digit year
 * first or last ({@code 2022-12-06}, {@code 13/05/2022}), or eight digits ({@code 20221206}),
 * optionally followed by a time ({@code T10:15}, {@code  10:15:30.5}). Allocation-free.
 */
final class DateShape {
    /** Returned by parsers when the text does not fit; not a valid packed date. */
    static final int NO_MATCH = Integer.MIN_VALUE + 1;

    // indexes into the scan result
    static final int SEP = 0;
    static final int F1 = 1;
    static final int F2 = 2;
    static final int F3 = 3;
    static final int W1 = 4;
    static final int W2 = 5;
    static final int W3 = 6;
    static final int TIME_SEP = 7; // 0 none, 'T' or ' '
    static final int HOUR = 8;
    static final int MINUTE = 9;
    static final int SECOND = 10; // -1 when absent
    static final int NANO = 11;
    static final int SCAN_SIZE = 12;

    private DateShape() {
    }

    /**
     * Scans a trimmed spelling into {@code out}.
     *
     * @return false if the text has no date shape
     */
    static boolean scan(CharSequence text, int[] out) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end - start < 6) {
            return false;
        }
        int i = start;
        int w1 = digitsAt(text, i, end);
        if (w1 == 8 && (i + 8 == end || !Character.isDigit(text.charAt(i + 8)))) {
            out[SEP] = 0;
            out[F1] = num(text, i, 4);
            out[F2] = num(text, i + 4, 2);
            out[F3] = num(text, i + 6, 2);
            out[W1] = 4;
            out[W2] = 2;
            out[W3] = 2;
            return scanTime(text, i + 8, end, out);
        }
        if (w1 == 0 || w1 > 4 || w1 == 3 || i + w1 >= end) {
            return false;
        }
        char sep = text.charAt(i + w1);
        if (!(sep == '-' || sep == '/' || sep == '.' || sep == ' ')) {
            return false;
        }
        int j = i + w1 + 1;
        int w2 = digitsAt(text, j, end);
        if (w2 == 0 || w2 > 2 || j + w2 >= end || text.charAt(j + w2) != sep) {
            return false;
        }
        int k = j + w2 + 1;
        int w3 = digitsAt(text, k, end);
        if (w3 == 0 || w3 > 4 || w3 == 3) {
            return false;
        }
        boolean yearFirst = w1 == 4;
        boolean yearLast = w3 == 4;
        if (yearFirst == yearLast || (yearFirst && w3 > 2) || (yearLast && w1 > 2)) {
            return false;
        }
        out[SEP] = sep;
        out[F1] = num(text, i, w1);
        out[F2] = num(text, j, w2);
        out[F3] = num(text, k, w3);
        out[W1] = w1;
        out[W2] = w2;
        out[W3] = w3;
        return scanTime(text, k + w3, end, out);
    }

    private static boolean scanTime(CharSequence text, int i, int end, int[] out) {
        out[TIME_SEP] = 0;
        out[HOUR] = 0;
        out[MINUTE] = 0;
        out[SECOND] = -1;
        out[NANO] = 0;
        if (i == end) {
            return true;
        }
        char t = text.charAt(i);
        if (t != 'T' && t != ' ') {
            return false;
        }
        i++;
        if (digitsAt(text, i, end) != 2 || i + 2 >= end || text.charAt(i + 2) != ':') {
            return false;
        }
        int hour = num(text, i, 2);
        i += 3;
        if (digitsAt(text, i, end) != 2) {
            return false;
        }
        int minute = num(text, i, 2);
        i += 2;
        int second = -1;
        int nano = 0;
        if (i < end) {
            if (text.charAt(i) != ':' || digitsAt(text, i + 1, end) != 2) {
                return false;
            }
            second = num(text, i + 1, 2);
            i += 3;
            if (i < end) {
                if (text.charAt(i) != '.') {
                    return false;
                }
                int w = digitsAt(text, i + 1, end);
                if (w == 0 || w > 9 || i + 1 + w != end) {
                    return false;
                }
                nano = num(text, i + 1, w);
                for (int p = w; p < 9; p++) {
                    nano *= 10;
                }
                i = end;
            }
        }
        out[TIME_SEP] = t;
        out[HOUR] = hour;
        out[MINUTE] = minute;
        out[SECOND] = second;
        out[NANO] = nano;
        return true;
    }

    private static int digitsAt(CharSequence text, int i, int end) {
        int n = 0;
        while (i + n < end && n < 10) {
            char c = text.charAt(i + n);
            if (c < '0' || c > '9') {
                break;
            }
            n++;
        }
        return n;
    }

    private static int num(CharSequence text, int i, int w) {
        int v = 0;
        for (int p = 0; p < w; p++) {
            v = v * 10 + (text.charAt(i + p) - '0');
        }
        return v;
    }

    /** @return the packed date, or NO_MATCH when the fields name no real day */
    static int packValid(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) {
            return NO_MATCH;
        }
        if (day > lengthOfMonth(year, month)) {
            return NO_MATCH;
        }
        return PackedLocalDate.pack(year, month, day);
    }

    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    static int pack(LocalDate d) {
        return PackedLocalDate.pack(d);
    }

    static LocalDate unpack(int packed) {
        return PackedLocalDate.asLocalDate(packed);
    }

    static boolean validTime(int[] s) {
        return s[HOUR] <= 23 && s[MINUTE] <= 59 && s[SECOND] <= 59;
    }

    /** A declared pattern made of yyyy, MM/M, dd/d and one separator, parsed without a formatter. */
    static final class Fixed {
        private static final String SEPARATORS = "-/. ,:_";

        private final char sep; // 0 for yyyyMMdd
        private final int yearPos;
        private final int monthPos;
        private final int dayPos;
        private final int[] exactWidth = new int[3]; // 0 = 1 or 2 digits
        /** The length of a text with every field at its fixed width, or 0 when a width may vary. */
        private final int exactLength;
        /** {@link #tryExact}: the text is not simply the pattern's digits and separators. */
        private static final int NOT_EXACT = Integer.MIN_VALUE + 2;

        private Fixed(char sep, int yearPos, int monthPos, int dayPos, int[] widths) {
            this.sep = sep;
            this.yearPos = yearPos;
            this.monthPos = monthPos;
            this.dayPos = dayPos;
            System.arraycopy(widths, 0, exactWidth, 0, 3);
            // yyyy-MM-dd and the like: every width fixed, so a text of this length may match as is
            this.exactLength = sep != 0 && widths[0] > 0 && widths[1] > 0 && widths[2] > 0
                ? widths[0] + widths[1] + widths[2] + 2 : 0;
        }

        /** @return the compiled pattern, or null if the pattern is not this simple */
        static Fixed compile(String pattern) {
            if (pattern.equals("yyyyMMdd") || pattern.equals("uuuuMMdd")) {
                return new Fixed('\0', 0, 1, 2, new int[] {4, 2, 2});
            }
            int[] pos = {-1, -1, -1}; // y, M, d
            int[] widths = new int[3];
            char sep = 0;
            int field = 0;
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int run = 1;
                while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                    run++;
                }
                int kind = c == 'y' || c == 'u' ? 0 : c == 'M' ? 1 : c == 'd' ? 2 : -1;
                if (kind >= 0) {
                    if (field > 2 || pos[kind] >= 0) {
                        return null;
                    }
                    if (kind == 0 && run != 4 || kind > 0 && run > 2) {
                        return null;
                    }
                    pos[kind] = field;
                    widths[field] = kind == 0 ? 4 : run == 2 ? 2 : 0;
                    field++;
                } else {
                    // only separators that DateTimeFormatter reads as plain literals ('[', '#', quotes are not)
                    if (run != 1 || SEPARATORS.indexOf(c) < 0 || (sep != 0 && sep != c) || field == 0 || field == 3) {
                        return null;
                    }
                    sep = c;
                }
                i += run;
            }
            if (field != 3 || sep == 0 || (pos[0] != 0 && pos[0] != 2)) {
                return null;
            }
            return new Fixed(sep, pos[0], pos[1], pos[2], widths);
        }

        /** @return the packed date, or NO_MATCH */
        int tryParse(CharSequence text) {
            if (exactLength > 0 && text.length() == exactLength) {
                // Every field has a fixed width, so a text of exactly this length either is the
                // digits and separators at their places or matches nothing: with surrounding
                // whitespace it would be too short once trimmed.
                int v = tryExact(text);
                return v == NOT_EXACT ? NO_MATCH : v;
            }
            return tryParseTrimmed(text);
        }

        /** {@link #tryParse}'s answer for a text made of exactly the pattern's digits and separators, or NOT_EXACT. */
        private int tryExact(CharSequence text) {
            int[] f = new int[3];
            int i = 0;
            for (int k = 0; k < 3; k++) {
                int v = 0;
                for (int end = i + exactWidth[k]; i < end; i++) {
                    int d = text.charAt(i) - '0';
                    if (d < 0 || d > 9) {
                        return NOT_EXACT;
                    }
                    v = v * 10 + d;
                }
                f[k] = v;
                if (k < 2) {
                    if (text.charAt(i) != sep) {
                        return NOT_EXACT;
                    }
                    i++;
                }
            }
            return packValid(f[yearPos], f[monthPos], f[dayPos]);
        }

        private int tryParseTrimmed(CharSequence text) {
            int start = 0;
            int end = text.length();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            int[] f = new int[3];
            int i = start;
            for (int k = 0; k < 3; k++) {
                int w = digitsAt(text, i, end);
                int want = exactWidth[k];
                if (sep == 0) {
                    w = want;
                    if (i + w > end || digitsAt(text, i, end) < w) {
                        return NO_MATCH;
                    }
                } else if (want == 0 ? (w < 1 || w > 2) : w != want) {
                    return NO_MATCH;
                }
                f[k] = num(text, i, w);
                i += w;
                if (k < 2 && sep != 0) {
                    if (i >= end || text.charAt(i) != sep) {
                        return NO_MATCH;
                    }
                    i++;
                }
            }
            if (i != end) {
                return NO_MATCH;
            }
            return packValid(f[yearPos], f[monthPos], f[dayPos]);
        }
    }
}
