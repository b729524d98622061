package io.xtage.source.json;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.SchemaException;
import io.xtage.core.SourceException;
import io.xtage.core.schema.Naming;
import io.xtage.core.schema.Schema;
import io.xtage.core.schema.SchemaInference;
import io.xtage.core.spi.Progress;
import io.xtage.core.spi.RejectCollector;
import io.xtage.core.spi.TableBuilder;
import io.xtage.source.internal.CountingInputStream;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of JSON: finds the records (an array, the array at a pointer, or one object per line),
 * flattens each object into columns and feeds the values, as text, to a {@link TableBuilder}.
 * Every parser or I/O failure becomes a {@link SourceException} naming line and column, except in
 * NDJSON, where a broken line is a PARSE reject. Not thread-safe: one per read.
 */
final class JsonReader {
    private static final Logger log = LoggerFactory.getLogger(JsonReader.class);
    private static final int AUTO_PEEK_WHITESPACE = 1 << 16;
    private static final int RAW_LIMIT = 300;
    /** Slot target: a field the declared schema does not name; left out, as a projection. */
    private static final int IGNORED = -1;
    /** Slot target: a field first seen after the sample of an inferred schema; a reject. */
    private static final int UNKNOWN = -2;

    private final String source;
    private final JsonOptions options;
    private final Schema declared;
    private final RejectPolicy policy;
    private final JsonFactory factory;

    private CountingInputStream counted;
    private Progress progress;
    private RejectCollector rejects;
    private final FieldTree tree = new FieldTree();
    private TableBuilder builder;
    private Schema schema;
    private boolean inferred;
    private int[] targets = new int[0];
    private int[] owners = new int[0];
    private final List<Sampled> sample = new ArrayList<>();
    private long recordNumber;
    private boolean ndjson;
    private long ndjsonLine;

    // the record being read
    private long recLine;
    private long recColumn;
    private String[] values;
    private int[] stamps = new int[16];
    private int seq;
    private final List<Reject> recordRejects = new ArrayList<>();
    private FieldTree.Node[] stack = new FieldTree.Node[16];

    /** A record read during the sample, before the schema is known: its values by slot, or a reject. */
    private static final class Sampled {
        final long number;
        final long line;
        final long column;
        final String[] values;
        final List<Reject> rejects;
        final Reject whole;

        Sampled(long number, long line, long column, String[] values, List<Reject> rejects, Reject whole) {
            this.number = number;
            this.line = line;
            this.column = column;
            this.values = values;
            this.rejects = rejects;
            this.whole = whole;
        }
    }

    JsonReader(String source, JsonOptions options, Schema declared, RejectPolicy policy, JsonFactory factory) {
        this.source = source;
        this.options = options;
        this.declared = declared;
        this.policy = policy;
        this.factory = factory;
    }

    /** @return a factory with the options' limits, which never closes the stream it reads */
    static JsonFactory factory(JsonOptions options) {
        return JsonFactory.builder()
            .streamReadConstraints(options.constraints())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    }

    /** Reads the stream to its end; does not close it. */
    ReadResult read(InputStream raw, ProgressListener listener) {
        long startNanos = System.nanoTime();
        counted = new CountingInputStream(raw);
        progress = new Progress(source, listener);
        rejects = new RejectCollector(source, policy);
        log.debug("{}: reading JSON with {}", source, options);
        if (declared != null) {
            endSampling(); // nothing to sample: stream from the first record
        }
        InputStream in = null;
        JsonLayout layout = options.layout();
        try {
            try {
                in = new BufferedInputStream(CountingInputStream.gunzipIfCompressed(counted), 1 << 16);
                if (layout == JsonLayout.AUTO) {
                    layout = options.pointer().isEmpty() ? detect(in) : JsonLayout.ARRAY;
                }
            } catch (IOException e) {
                throw new SourceException(source, "cannot read: " + e.getMessage(), e);
            }
            if (layout == JsonLayout.NDJSON) {
                readLines(in);
            } else {
                readDocument(in);
            }
        } finally {
            if (in != null) {
                try {
                    in.close(); // ends a gzip inflater; the counted stream leaves the caller's open
                } catch (IOException e) {
                    log.debug("{}: closing the input failed", source, e);
                }
            }
        }
        if (builder == null) {
            endSampling();
        }
        ReadResult r = builder.finish(counted.count());
        progress.done(r.recordsRead(), counted.count());
        log.debug("{}: read {} records ({} kept) as {} in {} ms", source, r.recordsRead(), r.table().rowCount(), layout,
            (System.nanoTime() - startNanos) / 1_000_000);
        return r;
    }

    // ---------------------------------------------------------------- layouts

    /**
     * Tells NDJSON from a document by the first bytes: an object that ends on the first line,
     * followed by another value, is NDJSON; anything else is read as one document (whose errors
     * then say what is wrong). Leaves the stream where it was.
     */
    private JsonLayout detect(InputStream in) throws IOException {
        int markLimit = options.maxLineLength() + 2 * AUTO_PEEK_WHITESPACE;
        in.mark(markLimit);
        try {
            int b = in.read();
            int read = 0;
            if (b == 0xEF) {
                in.read();
                in.read();
                b = in.read();
            }
            while (b >= 0 && isJsonWhitespace(b) && read++ < AUTO_PEEK_WHITESPACE) {
                b = in.read();
            }
            if (b != '{') {
                return JsonLayout.ARRAY;
            }
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            first.write(b);
            while ((b = in.read()) >= 0 && b != '\n') {
                if (first.size() >= options.maxLineLength()) {
                    return JsonLayout.ARRAY;
                }
                first.write(b);
            }
            if (!isOneObject(first.toByteArray())) {
                return JsonLayout.ARRAY;
            }
            read = 0;
            while ((b = in.read()) >= 0 && isJsonWhitespace(b) && read++ < AUTO_PEEK_WHITESPACE) {
                // skip blank lines
            }
            return b >= 0 ? JsonLayout.NDJSON : JsonLayout.ARRAY;
        } finally {
            in.reset();
        }
    }

    private boolean isOneObject(byte[] line) {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isJsonWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private void readDocument(InputStream in) {
        JsonParser p = null;
        try {
            p = factory.createParser(in);
            JsonToken t = p.nextToken();
            if (t == null) {
                if (!options.pointer().isEmpty()) {
                    throw new SourceException(source, "the input is empty, so JSON pointer " + options.pointer()
                        + " matches nothing", null);
                }
                return;
            }
            if (!options.pointer().isEmpty()) {
                navigate(p, t);
            } else if (t != JsonToken.START_ARRAY) {
                throw wrongTopLevel(p, t);
            }
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new JsonEOFException(p, null, "the input ends inside the array of records");
                }
                recordNumber++;
                JsonLocation at = p.currentTokenLocation();
                if (t == JsonToken.START_OBJECT) {
                    beginRecord(at.getLineNr(), at.getColumnNr());
                    readObject(p);
                    endRecord();
                } else {
                    String what = describe(t);
                    String raw = rawText(p, t);
                    rejectWhole(Reject.builder(source, recordNumber).lineNumber(at.getLineNr())
                        .columnNumber(at.getColumnNr()).rawValue(raw).reason("record is " + what + ", not an object")
                        .kind(RejectKind.SHAPE).rowDropped(true).build());
                }
                progress.update(recordNumber, counted.count());
            }
            finishDocument(p);
        } catch (JsonProcessingException e) {
            throw documentFailure(e, p);
        } catch (IOException e) {
            throw new SourceException(source, "cannot read near record " + (recordNumber + 1) + ": " + e.getMessage(),
                e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    log.debug("{}: closing the parser failed", source, e);
                }
            }
        }
    }

    /** Reads what follows the records to the end, so a broken or second document is not missed. */
    private void finishDocument(JsonParser p) throws IOException {
        boolean rootClosed = p.getParsingContext().inRoot();
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (rootClosed) {
                JsonLocation at = p.currentTokenLocation();
                throw new SourceException(source, "a second top-level value at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + "; a JSON document has one (for one object per line, use layout NDJSON)",
                    null);
            }
            if (t.isStructStart()) {
                p.skipChildren();
            } else if (t.isStructEnd() && p.getParsingContext().inRoot()) {
                rootClosed = true;
            }
        }
    }

    private void navigate(JsonParser p, JsonToken first) throws IOException {
        String pointer = options.pointer();
        JsonPointer ptr = JsonPointer.compile(pointer);
        StringBuilder at = new StringBuilder();
        JsonToken t = first;
        while (!ptr.matches()) {
            String property = ptr.getMatchingProperty();
            int index = ptr.getMatchingIndex();
            String where = at.length() == 0 ? "the top level" : at.toString();
            if (t == JsonToken.START_OBJECT) {
                List<String> seen = new ArrayList<>();
                boolean found = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    t = p.nextToken();
                    if (name.equals(property)) {
                        found = true;
                        break;
                    }
                    if (seen.size() < 20) {
                        seen.add(name);
                    }
                    p.skipChildren();
                }
                if (!found) {
                    throw new SourceException(source, "JSON pointer " + pointer + " matches nothing: the object at "
                        + where + " has no field '" + property + "' (its fields: " + String.join(", ", seen) + ")",
                        null);
                }
            } else if (t == JsonToken.START_ARRAY && index >= 0) {
                int i = 0;
                boolean found = false;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (i == index) {
                        found = true;
                        break;
                    }
                    p.skipChildren();
                    i++;
                }
                if (!found) {
                    throw new SourceException(source, "JSON pointer " + pointer + " matches nothing: the array at "
                        + where + " has " + i + " elements, so index " + index + " is out of range", null);
                }
            } else {
                JsonLocation loc = p.currentTokenLocation();
                throw new SourceException(source, "JSON pointer " + pointer + " matches nothing: the value at " + where
                    + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ") is " + describe(t)
                    + ", which has no '" + property + "'", null);
            }
            at.append('/').append(property.replace("~", "~0").replace("/", "~1"));
            ptr = ptr.tail();
        }
        if (t != JsonToken.START_ARRAY) {
            JsonLocation loc = p.currentTokenLocation();
            throw new SourceException(source, "JSON pointer " + pointer + " points to " + describe(t) + " at line "
                + loc.getLineNr() + ", column " + loc.getColumnNr() + "; expected an array of objects", null);
        }
    }

    private SourceException wrongTopLevel(JsonParser p, JsonToken t) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        String where = " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        if (t != JsonToken.START_OBJECT) {
            return new SourceException(source, "the top-level value is " + describe(t) + where
                + "; expected an array of objects (or set JsonOptions.Builder.pointer(String) to one)", null);
        }
        List<String> arrays = new ArrayList<>();
        try {
            JsonToken k;
            while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && arrays.size() < 20) {
                    arrays.add("/" + name.replace("~", "~0").replace("/", "~1"));
                }
                p.skipChildren();
            }
        } catch (JsonProcessingException e) {
            // the object is broken too; the message below is still the right one
        }
        return new SourceException(source, "the top-level value is an object" + where + ", not an array of objects; "
            + (arrays.isEmpty() ? "it holds no array at its top level; "
            : "set JsonOptions.Builder.pointer(String) to the array of records inside it (arrays at: "
                + String.join(", ", arrays) + "), or ")
            + "use layout NDJSON for one object per line", null);
    }

    private void readLines(InputStream in) {
        ndjson = true;
        NdjsonLines lines = new NdjsonLines(in, options.maxLineLength());
        while (true) {
            try {
                if (!lines.next()) {
                    break;
                }
            } catch (IOException e) {
                throw new SourceException(source, "cannot read after line " + lines.lineNumber() + ": "
                    + e.getMessage(), e);
            }
            ndjsonLine = lines.lineNumber();
            if (lines.isTooLong()) {
                recordNumber++;
                rejectWhole(Reject.builder(source, recordNumber).lineNumber(ndjsonLine).columnNumber(1)
                    .rawValue(lines.text()).reason("the line is longer than " + options.maxLineLength()
                        + " bytes; raise JsonOptions.Builder.maxLineLength(int) if it is real")
                    .kind(RejectKind.PARSE).rowDropped(true).build());
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            recordNumber++;
            readLine(lines);
            progress.update(recordNumber, counted.count());
        }
    }

    private void readLine(NdjsonLines lines) {
        JsonParser p = null;
        boolean started = false;
        try {
            p = factory.createParser(lines.buffer(), lines.start(), lines.length());
            JsonToken t = p.nextToken();
            JsonLocation at = p.currentTokenLocation();
            if (t == JsonToken.START_OBJECT) {
                beginRecord(ndjsonLine, at.getColumnNr());
                started = true;
                readObject(p);
                endOfLine(p);
                started = false;
                endRecord();
            } else {
                String raw = rawText(p, t);
                endOfLine(p);
                rejectWhole(Reject.builder(source, recordNumber).lineNumber(ndjsonLine).columnNumber(at.getColumnNr())
                    .rawValue(raw).reason("record is " + describe(t) + ", not an object").kind(RejectKind.SHAPE)
                    .rowDropped(true).build());
            }
        } catch (JsonProcessingException e) {
            if (started) {
                abandonRecord();
            }
            JsonLocation loc = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
            rejectWhole(Reject.builder(source, recordNumber).lineNumber(ndjsonLine)
                .columnNumber(loc == null ? -1 : loc.getColumnNr()).rawValue(lines.text())
                .reason(reason(e)).kind(RejectKind.PARSE).rowDropped(true).build());
        } catch (IOException e) {
            throw new SourceException(source, "cannot read line " + ndjsonLine + ": " + e.getMessage(), e);
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    log.debug("{}: closing the parser failed", source, e);
                }
            }
        }
    }

    private static void endOfLine(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "more than one JSON value on the line");
        }
    }

    // ---------------------------------------------------------------- records

    /** Reads an object's fields, the parser being on its START_OBJECT; iterative, so depth costs no stack. */
    private void readObject(JsonParser p) throws IOException {
        int depth = 0;
        FieldTree.Node cur = tree.root;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.FIELD_NAME) {
                FieldTree.Node child = cur.child(p.currentName());
                t = p.nextToken();
                if (t == null) {
                    throw new JsonEOFException(p, null, "the input ends after a field name");
                }
                switch (t) {
                    case START_OBJECT:
                        if (depth == stack.length) {
                            stack = Arrays.copyOf(stack, depth * 2);
                        }
                        stack[depth++] = cur;
                        cur = child;
                        break;
                    case START_ARRAY:
                        value(child, arrayText(p), p);
                        break;
                    case VALUE_STRING:
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        value(child, p.getText(), p);
                        break;
                    case VALUE_TRUE:
                        value(child, "true", p);
                        break;
                    case VALUE_FALSE:
                        value(child, "false", p);
                        break;
                    case VALUE_NULL:
                        value(child, null, p);
                        break;
                    default:
                        throw new JsonParseException(p, "unexpected " + t + " after a field name");
                }
            } else if (t == JsonToken.END_OBJECT) {
                if (depth == 0) {
                    return;
                }
                cur = stack[--depth];
            } else if (t == null) {
                throw new JsonEOFException(p, null, "the input ends inside an object");
            } else {
                throw new JsonParseException(p, "unexpected " + t + " inside an object");
            }
        }
    }

    private void beginRecord(long line, long column) {
        seq++;
        recLine = line;
        recColumn = column;
        recordRejects.clear();
        if (builder != null) {
            builder.startRecord(recordNumber, line, column);
        } else {
            values = new String[Math.max(8, tree.slotCount())];
        }
    }

    private void value(FieldTree.Node node, String text, JsonParser p) {
        boolean fresh = node.slot < 0;
        int s = tree.slot(node);
        if (s >= stamps.length) {
            stamps = Arrays.copyOf(stamps, Math.max(s + 1, stamps.length * 2));
        }
        if (stamps[s] == seq) {
            recordRejects.add(valueReject(p, node, text, "field " + node.pointer
                + " appears more than once in the record; the last value is kept"));
        }
        stamps[s] = seq;
        if (builder == null) {
            if (s >= values.length) {
                values = Arrays.copyOf(values, Math.max(s + 1, values.length * 2));
            }
            values[s] = text;
            return;
        }
        if (fresh) {
            resolve(s);
        }
        int target = targets[s];
        if (target >= 0) {
            builder.set(target, text);
        } else if (target == UNKNOWN && text != null) {
            recordRejects.add(valueReject(p, node, text, "field " + node.pointer + " is not in the schema inferred from "
                + "the first " + options.sampleRecords() + " records; declare a schema or raise "
                + "JsonOptions.Builder.sampleRecords(int)"));
        }
    }

    private Reject valueReject(JsonParser p, FieldTree.Node node, String text, String reason) {
        JsonLocation loc = p.currentTokenLocation();
        return Reject.builder(source, recordNumber).lineNumber(ndjson ? ndjsonLine : loc.getLineNr())
            .columnNumber(loc.getColumnNr()).column(name(node)).rawValue(text).reason(reason).kind(RejectKind.SHAPE)
            .rowDropped(false).build();
    }

    private void endRecord() {
        if (builder == null) {
            sample.add(new Sampled(recordNumber, recLine, recColumn, values, List.copyOf(recordRejects), null));
            values = null;
            if (sample.size() >= options.sampleRecords()) {
                endSampling();
            }
            return;
        }
        requireColumns();
        for (Reject r : recordRejects) {
            rejects.add(r);
        }
        builder.endRecord();
    }

    /**
     * A table without columns cannot hold rows (Tablesaw counts rows by its columns), so a kept
     * record with nowhere to go is an error rather than a row that silently disappears.
     */
    private void requireColumns() {
        if (schema.size() == 0) {
            throw new SchemaException(source + ": record " + recordNumber + " is an object, but "
                + (inferred ? "the first " + options.sampleRecords() + " records have no fields, so there are no "
                + "columns to read into; declare a schema or raise JsonOptions.Builder.sampleRecords(int)"
                : "the declared schema has no columns"));
        }
    }

    private void abandonRecord() {
        recordRejects.clear();
        values = null;
    }

    private void rejectWhole(Reject r) {
        if (builder == null) {
            sample.add(new Sampled(r.recordNumber(), -1, -1, null, List.of(), r));
            if (sample.size() >= options.sampleRecords()) {
                endSampling();
            }
        } else {
            builder.rejectRecord(r);
        }
    }

    // ---------------------------------------------------------------- schema

    private void endSampling() {
        if (declared != null) {
            schema = declared;
        } else {
            List<String> raw = new ArrayList<>(tree.slotCount());
            for (int i = 0; i < tree.slotCount(); i++) {
                raw.add(options.isSnakeCaseNames() ? tree.node(i).pointer : name(tree.node(i)));
            }
            List<String> names;
            try {
                names = options.isSnakeCaseNames() ? Naming.snakeCaseAll(raw) : raw;
                List<String[]> rows = new ArrayList<>(sample.size());
                for (Sampled s : sample) {
                    if (s.values != null) {
                        rows.add(s.values);
                    }
                }
                schema = SchemaInference.infer(names, rows, options.coercion());
            } catch (SchemaException e) {
                throw new SchemaException(source + ": " + e.getMessage(), e);
            }
            inferred = true;
            log.debug("{}: inferred {} from {} sampled records", source, schema, sample.size());
        }
        builder = new TableBuilder(source, schema, options.coercion(), rejects);
        owners = new int[schema.size()];
        Arrays.fill(owners, -1);
        for (int s = 0; s < tree.slotCount(); s++) {
            resolve(s);
        }
        for (Sampled s : sample) {
            if (s.whole != null) {
                builder.rejectRecord(s.whole);
                continue;
            }
            if (schema.size() == 0) {
                recordNumber = s.number;
                requireColumns();
            }
            builder.startRecord(s.number, s.line, s.column);
            for (int i = 0; i < s.values.length; i++) {
                int target = i < tree.slotCount() ? targets[i] : IGNORED;
                if (target >= 0 && s.values[i] != null) {
                    builder.set(target, s.values[i]);
                }
            }
            for (Reject r : s.rejects) {
                rejects.add(r);
            }
            builder.endRecord();
        }
        sample.clear();
    }

    /** Decides where a slot's values go: its column, nowhere (declared schema), or a reject (inferred). */
    private void resolve(int s) {
        if (s >= targets.length) {
            targets = Arrays.copyOf(targets, Math.max(s + 1, targets.length * 2 + 8));
        }
        if (inferred) {
            targets[s] = s < schema.size() ? s : UNKNOWN;
            return;
        }
        FieldTree.Node node = tree.node(s);
        int t = schema.indexOf(name(node));
        if (t >= 0) {
            if (owners[t] >= 0 && owners[t] != s) {
                throw new SchemaException(source + ": fields " + tree.node(owners[t]).pointer + " and " + node.pointer
                    + " both become column '" + schema.column(t).name() + "'; rename one of them");
            }
            owners[t] = s;
        }
        targets[s] = t >= 0 ? t : IGNORED;
    }

    private final Map<FieldTree.Node, String> names = new HashMap<>();

    private String name(FieldTree.Node node) {
        String n = names.get(node);
        if (n == null) {
            n = options.isSnakeCaseNames() ? Naming.snakeCase(node.pointer) : node.joinedKeys();
            if (n.isEmpty()) {
                n = "column_" + (tree.slot(node) + 1);
            }
            names.put(node, n);
        }
        return n;
    }

    // ---------------------------------------------------------------- text

    /** The array under the parser, as compact JSON text; numbers keep their spelling. */
    private String arrayText(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        copy(p, w);
        return w.toString();
    }

    /** A record that is not an object, as text for its reject, without holding more than a prefix. */
    private String rawText(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
            LimitedWriter w = new LimitedWriter(RAW_LIMIT);
            copy(p, w);
            return w.toString();
        }
        return t == JsonToken.VALUE_NULL ? "null" : p.getText();
    }

    private void copy(JsonParser p, Writer w) throws IOException {
        try (JsonGenerator g = factory.createGenerator(w)) {
            int depth = 0;
            JsonToken t = p.currentToken();
            while (true) {
                switch (t) {
                    case START_OBJECT:
                        g.writeStartObject();
                        depth++;
                        break;
                    case START_ARRAY:
                        g.writeStartArray();
                        depth++;
                        break;
                    case END_OBJECT:
                        g.writeEndObject();
                        depth--;
                        break;
                    case END_ARRAY:
                        g.writeEndArray();
                        depth--;
                        break;
                    case FIELD_NAME:
                        g.writeFieldName(p.currentName());
                        break;
                    case VALUE_STRING:
                        g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        g.writeNumber(p.getText());
                        break;
                    case VALUE_TRUE:
                        g.writeBoolean(true);
                        break;
                    case VALUE_FALSE:
                        g.writeBoolean(false);
                        break;
                    case VALUE_NULL:
                        g.writeNull();
                        break;
                    default:
                        throw new JsonParseException(p, "unexpected " + t);
                }
                if (depth == 0) {
                    return;
                }
                t = p.nextToken();
                if (t == null) {
                    throw new JsonEOFException(p, null, "the input ends inside an array");
                }
            }
        }
    }

    /** Keeps the first characters written to it and drops the rest. */
    private static final class LimitedWriter extends Writer {
        private final StringBuilder b = new StringBuilder();
        private final int limit;
        private boolean cut;

        LimitedWriter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] c, int off, int len) {
            int room = limit - b.length();
            if (len > room) {
                cut = true;
            }
            if (room > 0) {
                b.append(c, off, Math.min(room, len));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return cut ? b + "…" : b.toString();
        }
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.name();
        }
    }

    // ---------------------------------------------------------------- errors

    private SourceException documentFailure(JsonProcessingException e, JsonParser p) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String[] what = problem(e);
        return new SourceException(source, what[0] + where + " (in record " + Math.max(1, recordNumber) + ")"
            + (what[1] == null ? "" : "; " + what[1]), e);
    }

    private String reason(JsonProcessingException e) {
        String[] what = problem(e);
        return what[1] == null ? what[0] : what[0] + "; " + what[1];
    }

    /**
     * Says what a Jackson failure means, without the location, and which option changes the
     * limit that was passed.
     *
     * @return the problem and the fix (null when there is no option to change)
     */
    private String[] problem(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (e instanceof StreamConstraintsException) {
            if (lower.contains("nesting depth")) {
                return new String[] {"JSON nested deeper than " + options.maxNestingDepth() + " levels",
                    "raise JsonOptions.Builder.maxNestingDepth(int) if the data is real"};
            }
            if (lower.contains("document length")) {
                return new String[] {"JSON document longer than " + options.maxDocumentLength() + " bytes",
                    "raise JsonOptions.Builder.maxDocumentLength(long)"};
            }
            if (lower.contains("string value length") || lower.contains("name length")) {
                return new String[] {"a string longer than " + options.maxStringLength() + " characters",
                    "raise JsonOptions.Builder.maxStringLength(int)"};
            }
            return new String[] {"a JSON limit was passed: " + m, null};
        }
        if (e instanceof JsonEOFException || lower.contains("end-of-input")) {
            return new String[] {"the JSON ends early, so it is truncated or unbalanced (" + m + ")", null};
        }
        if (m.contains("Invalid UTF-8")) {
            return new String[] {"the input is not valid UTF-8 (" + m + ")", null};
        }
        return new String[] {"malformed JSON (" + m + ")", null};
    }
}
