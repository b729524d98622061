package io.xtage.sink.csv;

import io.xtage.core.schema.ColumnType;
import io.xtage.sink.Sink;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkReport;
import io.xtage.sink.internal.ColumnView;
import io.xtage.sink.internal.TextOut;
import io.xtage.sink.internal.Values;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Writes a table as an RFC 4180 CSV file in UTF-8: ISO dates ({@code 2024-03-01}), ISO
 * date-times, {@code .} as the decimal point, doubles as their shortest round-trip text in
 * plain notation for magnitudes in [1e-7, 1e16), integers without decimals, booleans as
 * {@code true}/{@code false}, and missing values as the declared
 * {@link CsvSinkOptions#nullToken() token} (an empty field by default).
 *
 * <p>The file is written beside its final name and moved into place when complete, so a failed
 * write leaves an earlier file as it was. Parent directories are created. Values are read with
 * primitive getters; a table of more than 65,536 rows is formatted in blocks of 8,192 rows on up to
 * four threads (as many as there are processors) and written in order on the caller's thread:
 * about 0.7 s for W1's million rows of 25 columns on two cores.
 *
 * <p>A table with a single column writes a missing value as {@code ""} when the token is empty,
 * because many readers skip blank lines, which would lose the row.
 *
 * <p>Immutable and thread-safe; each {@link #write(Table)} opens and closes its own file.
 *
 * <pre>{@code
 * CsvSink.to(Path.of("out/prepared.csv")).write(table);
 * CsvSink.to(Path.of("out.csv"), CsvSinkOptions.DEFAULT.toBuilder().formulaGuard(true).build()).write(table);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvSink implements Sink {
    private static final Logger log = LoggerFactory.getLogger(CsvSink.class);

    private final Path path;
    private final CsvSinkOptions options;

    private CsvSink(Path path, CsvSinkOptions options) {
        this.path = Objects.requireNonNull(path, "path");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param path the file to write; replaced if it exists
     * @return a sink with {@link CsvSinkOptions#DEFAULT}
     * @since 0.1.0
     */
    public static CsvSink to(Path path) {
        return new CsvSink(path, CsvSinkOptions.DEFAULT);
    }

    /**
     * @param path the file to write; replaced if it exists
     * @param options how to write
     * @return the sink
     * @since 0.1.0
     */
    public static CsvSink to(Path path, CsvSinkOptions options) {
        return new CsvSink(path, options);
    }

    /** @return the file path @since 0.1.0 */
    public Path path() {
        return path;
    }

    /** @return the options @since 0.1.0 */
    public CsvSinkOptions options() {
        return options;
    }

    /** @return the file path as text @since 0.1.0 */
    @Override
    public String name() {
        return path.toString();
    }

    /**
     * @throws SinkException if the file cannot be written or moved into place, or a text value is
     *     not valid Unicode (a lone surrogate); an earlier file at the path is then left as it was
     * @throws io.xtage.core.SchemaException if a column is of a type sinks do not write (TIME, INSTANT)
     * @since 0.1.0
     */
    @Override
    public SinkReport write(Table table) {
        Objects.requireNonNull(table, "table");
        long started = System.nanoTime();
        List<ColumnView> views = ColumnView.of(table);
        Path target = path.toAbsolutePath();
        Path tmp = null;
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            // the encoder hands over 8 KiB at a time: gather them into fewer, larger writes
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 18);
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8.newEncoder())) {
                TextOut out = TextOut.of(w);
                writeRows(views, table.rowCount(), out, options);
                out.flush();
            }
            moveIntoPlace(tmp, target);
            tmp = null;
        } catch (CharacterCodingException e) {
            throw new SinkException(name(), "a text value is not valid Unicode (a lone surrogate?); "
                + "nothing was written", e);
        } catch (IOException e) {
            throw new SinkException(name(), "cannot write: " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.debug("wrote {} rows x {} columns to {} in {} ms", table.rowCount(), table.columnCount(), path,
            elapsed.toMillis());
        return SinkReport.of(name(), table.rowCount(), elapsed);
    }

    /**
     * Writes {@code table} as CSV to a caller's writer, which is flushed but not closed.
     *
     * @param table the table
     * @param out where to write
     * @param options how to write
     * @return rows written
     * @throws UncheckedIOException if the writer fails
     * @throws io.xtage.core.SchemaException if a column is of a type sinks do not write
     * @since 0.1.0
     */
    public static long write(Table table, Writer out, CsvSinkOptions options) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        List<ColumnView> views = ColumnView.of(table);
        try {
            TextOut text = TextOut.of(out);
            writeRows(views, table.rowCount(), text, options);
            text.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return table.rowCount();
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            log.warn("could not delete temporary file {}: {}", tmp, e.toString());
        }
    }

    static void writeRows(List<ColumnView> views, int rows, TextOut out, CsvSinkOptions o) throws IOException {
        Rows first = new Rows(views, o);
        first.header(out);
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int threads = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), blocks);
        if (rows < PARALLEL_MIN_ROWS || threads < 2) {
            first.write(0, rows, out);
        } else {
            writeInParallel(views, o, rows, out, threads);
        }
    }

    /** Rows one thread formats at a time: about 1.4 M chars for W1's 25 columns. */
    static final int BLOCK_ROWS = 8192;
    /** Below this a table is formatted on the caller's thread alone. */
    static final int PARALLEL_MIN_ROWS = 8 * BLOCK_ROWS;
    /** Formatting threads at most; more would wait on the single writer. */
    private static final int MAX_THREADS = 4;

    /**
     * Formats blocks of rows on {@code threads} threads, each block into its own buffer, and
     * writes the blocks in order on this thread. At most two blocks per thread are ahead of the
     * one being written, so a few buffers are all the memory this takes.
     */
    private static void writeInParallel(List<ColumnView> views, CsvSinkOptions o, int rows, TextOut out, int threads)
        throws IOException {
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int window = 2 * threads;
        // each thread keeps its own formatter, whose cache of quoted text values is not shared
        ThreadLocal<Rows> formatter = ThreadLocal.withInitial(() -> new Rows(views, o));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "xtage-csv-format");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<TextOut>> pending = new ArrayDeque<>(window);
            ArrayDeque<TextOut> free = new ArrayDeque<>(window);
            int submitted = 0;
            for (int b = 0; b < blocks; b++) {
                while (submitted < blocks && submitted < b + window) {
                    TextOut buf = free.isEmpty() ? TextOut.inMemory(BLOCK_ROWS * 128) : free.pop();
                    int from = submitted * BLOCK_ROWS;
                    int to = Math.min(rows, from + BLOCK_ROWS);
                    pending.add(pool.submit(() -> {
                        buf.clear();
                        formatter.get().write(from, to, buf);
                        return buf;
                    }));
                    submitted++;
                }
                TextOut done = await(pending.poll());
                done.appendTo(out);
                free.push(done);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static TextOut await(Future<TextOut> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing CSV");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    /**
     * How a table's rows become CSV text, with a cache of each text value's quoted form. Not
     * thread-safe: one per thread.
     */
    static final class Rows {
        private final ColumnView[] cols;
        private final ColumnType[] types;
        private final int n;
        private final char d;
        private final String rs;
        private final String loneMissing;
        private final Quoter q;
        private final boolean guard;
        private final boolean header;
        /** Per text column with a dictionary, each value's text as written, once needed. */
        private final char[][][] rendered;

        Rows(List<ColumnView> views, CsvSinkOptions o) {
            cols = views.toArray(new ColumnView[0]);
            n = cols.length;
            d = o.delimiter();
            rs = o.recordSeparator();
            String missing = o.nullToken();
            // A lone empty field is a blank line, which readers skip: quote it so the row survives.
            loneMissing = n == 1 && missing.isEmpty() ? "" + o.quote() + o.quote() : missing;
            q = new Quoter(o);
            types = new ColumnType[n];
            for (int j = 0; j < n; j++) {
                types[j] = cols[j].type();
            }
            guard = o.isFormulaGuard();
            header = o.hasHeader();
            // Text columns repeat their values: each distinct value is quoted once, then copied.
            rendered = new char[n][][];
            for (int j = 0; j < n; j++) {
                if (types[j] == ColumnType.STRING && cols[j].stringKeys() > 0) {
                    rendered[j] = new char[cols[j].stringKeys()][];
                }
            }
        }

        void header(TextOut out) throws IOException {
            if (!header) {
                return;
            }
            for (int j = 0; j < n; j++) {
                if (j > 0) {
                    out.append(d);
                }
                q.append(cols[j].name(), false, out);
            }
            out.append(rs);
        }

        /** Appends rows {@code from} (inclusive) to {@code to} (exclusive). */
        void write(int from, int to, TextOut out) throws IOException {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < n; j++) {
                    if (j > 0) {
                        out.append(d);
                    }
                    ColumnView c = cols[j];
                    switch (types[j]) {
                        case STRING: {
                            char[][] byKey = rendered[j];
                            if (byKey != null) {
                                int k = c.stringKey(i);
                                char[] text = byKey[k];
                                if (text == null) {
                                    text = render(c.stringOfKey(k), loneMissing, q, guard);
                                    byKey[k] = text;
                                }
                                out.append(text, 0, text.length);
                                break;
                            }
                            String s = c.string(i);
                            if (s.isEmpty()) {
                                out.append(loneMissing);
                            } else {
                                q.append(s, guard, out);
                            }
                            break;
                        }
                        case LONG: {
                            long v = c.longValue(i);
                            if (v == ColumnView.MISSING_LONG) {
                                out.append(loneMissing);
                            } else {
                                out.append(v);
                            }
                            break;
                        }
                        case INT: {
                            int v = c.intValue(i);
                            if (v == ColumnView.MISSING_INT) {
                                out.append(loneMissing);
                            } else {
                                out.append(v);
                            }
                            break;
                        }
                        case DOUBLE: {
                            double v = c.doubleValue(i);
                            if (Double.isNaN(v)) {
                                out.append(loneMissing);
                            } else {
                                Values.appendDouble(out, v);
                            }
                            break;
                        }
                        default:
                            if (c.isMissing(i)) {
                                out.append(loneMissing);
                            } else {
                                c.appendPlain(i, out);
                            }
                            break;
                    }
                }
                out.append(rs);
            }
        }
    }

    /** @return the text a value is written as: the missing token, or the value quoted as needed */
    private static char[] render(String s, String missing, Quoter q, boolean guard) throws IOException {
        if (s.isEmpty()) {
            return missing.toCharArray();
        }
        java.io.CharArrayWriter w = new java.io.CharArrayWriter(s.length() + 4);
        TextOut t = new TextOut(w, 64);
        q.append(s, guard, t);
        t.flush();
        return w.toCharArray();
    }

    /** RFC 4180 minimal quoting and the formula guard. */
    static final class Quoter {
        private final char delimiter;
        private final char quote;
        private final String nullToken;

        Quoter(CsvSinkOptions o) {
            this.delimiter = o.delimiter();
            this.quote = o.quote();
            this.nullToken = o.nullToken();
        }

        void append(String s, boolean guard, TextOut out) throws IOException {
            if (s.isEmpty()) {
                out.append(quote).append(quote);
                return;
            }
            boolean guarded = guard && isFormulaStart(s.charAt(0));
            if (!needsQuotes(s)) {
                if (guarded) {
                    out.append('\'');
                }
                out.append(s);
                return;
            }
            out.append(quote);
            if (guarded) {
                out.append('\'');
            }
            int from = 0;
            for (int k = s.indexOf(quote); k >= 0; k = s.indexOf(quote, k + 1)) {
                out.append(s, from, k + 1).append(quote);
                from = k + 1;
            }
            out.append(s, from, s.length()).append(quote);
        }

        boolean needsQuotes(String s) {
            int len = s.length();
            if (s.charAt(0) <= ' ' || s.charAt(len - 1) <= ' ') {
                return true;
            }
            for (int k = 0; k < len; k++) {
                char c = s.charAt(k);
                if (c == delimiter || c == quote || c == '\n' || c == '\r') {
                    return true;
                }
            }
            return !nullToken.isEmpty() && s.equals(nullToken);
        }

        /** OWASP's list: {@code = + - @}, and tab and CR, which some spreadsheets skip before a formula. */
        static boolean isFormulaStart(char c) {
            return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        }
    }
}
