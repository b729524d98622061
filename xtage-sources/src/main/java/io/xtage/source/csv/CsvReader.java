package io.xtage.source.csv;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.SchemaException;
import io.xtage.core.SourceException;
import io.xtage.core.XtageException;
import io.xtage.core.schema.Naming;
import io.xtage.core.schema.Schema;
import io.xtage.core.schema.SchemaInference;
import io.xtage.core.spi.Progress;
import io.xtage.core.spi.RejectCollector;
import io.xtage.core.spi.TableBuilder;
import io.xtage.source.internal.CountingInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of CSV text: header, schema (declared, or inferred from a buffered sample), then record
 * by record into a {@link TableBuilder}. Every parser or I/O failure becomes a
 * {@link SourceException} naming the record and line. Not thread-safe: one per read.
 */
final class CsvReader {
    private static final Logger log = LoggerFactory.getLogger(CsvReader.class);

    private final String source;
    private final CsvOptions options;
    private final Schema declared;
    private final RejectPolicy policy;

    private CountingInputStream counted;
    private DecodingReader reader;
    private Records records;
    private long prevEnd;
    private long recordNumber;
    private long line;

    /** A record read during the sample, before the schema is known. */
    private static final class Sampled {
        final String[] values;
        final long number;
        final long line;

        Sampled(String[] values, long number, long line) {
            this.values = values;
            this.number = number;
            this.line = line;
        }
    }

    /**
     * The records of the text: from {@link CsvLexer} (no escape character, the usual case), or
     * from Commons CSV, whose escape handling the lexer does not repeat. Both give the same
     * records and line numbers.
     */
    private interface Records {
        /** @return false at the end; IOException for text that cannot be parsed */
        boolean next() throws IOException;

        int size();

        /** @return the field, valid until the next record */
        CharSequence field(int i);

        String[] values();

        /** @return Commons CSV's current line number after this record */
        long lineNumber();
    }

    private static final class LexerRecords implements Records {
        private final CsvLexer lexer;

        LexerRecords(CsvLexer lexer) {
            this.lexer = lexer;
        }

        @Override
        public boolean next() throws IOException {
            return lexer.next();
        }

        @Override
        public int size() {
            return lexer.size();
        }

        @Override
        public CharSequence field(int i) {
            return lexer.field(i);
        }

        @Override
        public String[] values() {
            return lexer.values();
        }

        @Override
        public long lineNumber() {
            return lexer.lineNumber();
        }
    }

    private static final class CommonsRecords implements Records {
        private final CSVParser parser;
        private final Iterator<CSVRecord> it;
        private CSVRecord current;

        CommonsRecords(CSVParser parser) {
            this.parser = parser;
            this.it = parser.iterator();
        }

        @Override
        public boolean next() throws IOException {
            try {
                if (!it.hasNext()) {
                    current = null;
                    return false;
                }
                current = it.next();
                return true;
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public int size() {
            return current.size();
        }

        @Override
        public CharSequence field(int i) {
            return current.get(i);
        }

        @Override
        public String[] values() {
            return current.values();
        }

        @Override
        public long lineNumber() {
            return parser.getCurrentLineNumber();
        }
    }

    CsvReader(String source, CsvOptions options, Schema declared, RejectPolicy policy) {
        this.source = source;
        this.options = options;
        this.declared = declared;
        this.policy = policy;
    }

    /** Reads the stream to its end; does not close it. */
    ReadResult read(InputStream raw, ProgressListener listener) {
        long start = System.nanoTime();
        counted = new CountingInputStream(raw);
        log.debug("{}: reading CSV with {}", source, options);
        try {
            InputStream in;
            try {
                in = CountingInputStream.gunzipIfCompressed(counted);
            } catch (IOException e) {
                throw new SourceException(source, "cannot read the gzip header: " + e.getMessage(), e);
            }
            reader = new DecodingReader(in, options.charset(), options.maxRecordChars());
            if (options.escape() == 0) {
                records = new LexerRecords(new CsvLexer(reader, options.delimiter(), options.quote(),
                    options.isIgnoreEmptyLines()));
            } else {
                try {
                    records = new CommonsRecords(CSVParser.builder().setReader(reader).setFormat(options.csvFormat())
                        .get());
                } catch (IOException e) {
                    throw new SourceException(source, "cannot start reading: " + e.getMessage(), e);
                }
            }
            ReadResult r = run(new Progress(source, listener));
            log.debug("{}: read {} records ({} kept) and {} bytes in {} ms", source, r.recordsRead(),
                r.table().rowCount(), counted.count(), (System.nanoTime() - start) / 1_000_000);
            return r;
        } finally {
            if (reader != null) {
                try {
                    reader.close(); // closes the gzip stream; the counted stream leaves the caller's open
                } catch (IOException e) {
                    log.debug("{}: closing the decoder failed", source, e);
                }
            }
        }
    }

    private ReadResult run(Progress progress) {
        RejectCollector rejects = new RejectCollector(source, policy);
        boolean hasFirst = next();
        String[] first = hasFirst ? records.values() : null;
        List<String> names;
        boolean positional = false;
        Sampled firstData = null;
        if (options.hasHeader()) {
            if (first == null) {
                return empty(rejects, progress);
            }
            names = headerNames(Arrays.asList(first));
            recordNumber = 0; // the header is not a record
        } else {
            if (first != null) {
                firstData = new Sampled(first, recordNumber, line);
            }
            if (!options.columnNames().isEmpty()) {
                names = options.columnNames();
            } else if (declared != null) {
                names = declared.names();
                positional = true;
            } else if (first != null) {
                names = generatedNames(first.length);
            } else {
                return empty(rejects, progress);
            }
        }
        int width = names.size();

        Schema schema;
        int[] map = null;
        List<Sampled> sample = new ArrayList<>();
        if (firstData != null) {
            sample.add(firstData);
        }
        if (declared != null) {
            if (declared.size() == 0) {
                // a table without columns cannot hold rows, so every record would vanish
                throw new SchemaException(source + ": the declared schema has no columns");
            }
            schema = declared;
            if (!positional) {
                map = mapByName(names, declared);
            }
        } else {
            while (sample.size() < options.sampleRows() && next()) {
                sample.add(new Sampled(records.values(), recordNumber, line));
            }
            List<String[]> values = new ArrayList<>(sample.size());
            for (Sampled s : sample) {
                if (s.values.length == width) {
                    values.add(s.values);
                }
            }
            try {
                schema = SchemaInference.infer(names, values, options.coercion());
            } catch (SchemaException e) {
                throw new SchemaException(source + ": " + e.getMessage(), e);
            }
            log.debug("{}: inferred {} from {} sampled records", source, schema, sample.size());
        }

        TableBuilder builder = new TableBuilder(source, schema, options.coercion(), rejects);
        for (Sampled s : sample) {
            accept(builder, s.values.length, i -> s.values[i], s.number, s.line, width, map);
            progress.update(s.number, counted.count());
        }
        sample.clear();
        Records r = records;
        while (next()) {
            accept(builder, r.size(), r::field, recordNumber, line, width, map);
            progress.update(recordNumber, counted.count());
        }
        ReadResult result = builder.finish(counted.count());
        progress.done(result.recordsRead(), counted.count());
        return result;
    }

    /** The fields of a record, by index. */
    @FunctionalInterface
    private interface Fields {
        CharSequence get(int i);
    }

    private void accept(TableBuilder b, int size, Fields r, long number, long startLine, int width, int[] map) {
        if (size != width) {
            StringBuilder raw = new StringBuilder();
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    raw.append(options.delimiter());
                }
                raw.append(r.get(i));
            }
            b.rejectRecord(number, startLine, RejectKind.SHAPE, "expected " + width + " fields, found " + size, raw);
            return;
        }
        b.startRecord(number, startLine);
        if (map == null) {
            for (int i = 0; i < size; i++) {
                b.set(i, r.get(i));
            }
        } else {
            for (int i = 0; i < size; i++) {
                int c = map[i];
                if (c >= 0) {
                    b.set(c, r.get(i));
                }
            }
        }
        b.endRecord();
    }

    /**
     * Reads the next record, with {@link #recordNumber} and {@link #line} (where it starts) set.
     *
     * @return false at the end
     * @throws SourceException for any failure of the parser or the bytes below it
     */
    private boolean next() {
        try {
            if (!records.next()) {
                return false;
            }
        } catch (IOException e) {
            throw failure(e);
        } catch (UncheckedIOException e) {
            throw failure(e.getCause());
        } catch (XtageException e) {
            throw e;
        } catch (RuntimeException e) {
            // Commons CSV documents only IOExceptions; anything else is still a failure of this input
            throw new SourceException(source, "record " + (recordNumber + 1) + " (line " + (prevEnd + 1)
                + "): the CSV parser failed: " + e, e);
        }
        reader.recordBoundary();
        long end = records.lineNumber();
        // Lines between the previous record and this one's end are blank lines (skipped) or line
        // breaks inside quoted fields; only the latter belong to this record.
        line = end - prevEnd <= 1 ? end : end - breaksInside(records);
        prevEnd = end;
        recordNumber++;
        return true;
    }

    private static long breaksInside(Records r) {
        long breaks = 0;
        for (int i = 0, n = r.size(); i < n; i++) {
            CharSequence v = r.field(i);
            for (int j = 0, len = v.length(); j < len; j++) {
                char c = v.charAt(j);
                if (c == '\n' || (c == '\r' && (j + 1 == len || v.charAt(j + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private SourceException failure(IOException e) {
        String where = "record " + (recordNumber + 1) + " (line " + (prevEnd + 1) + ")";
        if (e instanceof CsvInputException) {
            CsvInputException c = (CsvInputException) e;
            if (c.problem() == CsvInputException.Problem.MALFORMED) {
                return new SourceException(source, c.getMessage() + "; the text is not " + options.charset().name()
                    + ": set CsvOptions.Builder.charset to the file's encoding", e);
            }
            return new SourceException(source, where + " is longer than " + options.maxRecordChars()
                + " characters, most likely a quote that is never closed; if such records are real, raise "
                + "CsvOptions.Builder.maxRecordChars(int)", e);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return new SourceException(source, where + " has a quoted field that is never closed: the input ends "
                + "inside quotes", e);
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return new SourceException(source, where + " has text after a closing quote (" + m
                + "); quote the whole field, double quotes inside it, or change CsvOptions.Builder.quote", e);
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new SourceException(source, "the gzip stream is corrupt or truncated near " + where + ": " + m, e);
        }
        return new SourceException(source, "cannot read " + where + ": " + m, e);
    }

    private List<String> headerNames(List<String> header) {
        if (!options.columnNames().isEmpty()) {
            if (header.size() != options.columnNames().size()) {
                throw new SchemaException(source + ": the header has " + header.size()
                    + " columns but CsvOptions.columnNames declares " + options.columnNames().size() + " "
                    + options.columnNames());
            }
            return options.columnNames();
        }
        if (options.isSnakeCaseHeaders()) {
            try {
                return Naming.snakeCaseAll(header);
            } catch (SchemaException e) {
                throw new SchemaException(source + ": " + e.getMessage(), e);
            }
        }
        List<String> names = new ArrayList<>(header.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (h.isEmpty()) {
                h = "column_" + (i + 1);
            }
            Integer prev = seen.putIfAbsent(h, i);
            if (prev != null) {
                throw new SchemaException(source + ": header '" + h + "' appears twice (columns " + (prev + 1) + " and "
                    + (i + 1) + "); rename one, or declare CsvOptions.Builder.columnNames");
            }
            names.add(h);
        }
        return names;
    }

    private static List<String> generatedNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add("column_" + i);
        }
        return names;
    }

    private int[] mapByName(List<String> names, Schema schema) {
        int[] map = new int[names.size()];
        java.util.Arrays.fill(map, -1);
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            position.put(names.get(i), i);
        }
        for (int c = 0; c < schema.size(); c++) {
            String name = schema.column(c).name();
            Integer at = position.get(name);
            if (at == null) {
                throw new SchemaException(source + ": column '" + name + "' of the declared schema is not in the header "
                    + names + (options.isSnakeCaseHeaders() && options.columnNames().isEmpty()
                    ? " (header names are compared in snake_case)" : ""));
            }
            map[at] = c;
        }
        return map;
    }

    private ReadResult empty(RejectCollector rejects, Progress progress) {
        Schema schema = declared != null ? declared : Schema.of(List.of());
        ReadResult r = new TableBuilder(source, schema, options.coercion(), rejects).finish(counted.count());
        progress.done(0, counted.count());
        return r;
    }
}
