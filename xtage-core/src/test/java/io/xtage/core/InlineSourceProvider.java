package io.xtage.core;

import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Naming;
import io.xtage.core.schema.Schema;
import io.xtage.core.schema.SchemaInference;
import io.xtage.core.spi.Progress;
import io.xtage.core.spi.RejectCollector;
import io.xtage.core.spi.SourceProvider;
import io.xtage.core.spi.TableBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A provider that exists only in the test sources: {@code inline:id,name;1,Ann;2,Bob} is a table
 * whose header and records are in the URI (records split by ';', fields by ','), typed by
 * {@link SchemaInference} unless a header declares its type ({@code price:DOUBLE}), and built by
 * {@link TableBuilder}. Option {@code policy}: {@code lenient}
 * (default) or {@code strict}.
 */
public final class InlineSourceProvider implements SourceProvider {
    private static final Set<String> OPTIONS = Set.of("policy");

    public InlineSourceProvider() {
    }

    @Override
    public String kind() {
        return "inline";
    }

    @Override
    public boolean supports(URI uri) {
        return "inline".equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public Source create(URI uri, Map<String, String> options) {
        for (String k : options.keySet()) {
            if (!OPTIONS.contains(k)) {
                throw new IllegalArgumentException("unknown option '" + k + "' for inline sources; known: " + OPTIONS);
            }
        }
        String policy = options.getOrDefault("policy", "lenient");
        RejectPolicy p;
        switch (policy) {
            case "lenient":
                p = RejectPolicy.lenient();
                break;
            case "strict":
                p = RejectPolicy.strict();
                break;
            default:
                throw new IllegalArgumentException("option policy must be lenient or strict, was '" + policy + "'");
        }
        return new InlineSource(uri.getSchemeSpecificPart(), p);
    }

    /** Immutable and re-readable: each read parses the text again. */
    static final class InlineSource implements Source {
        private final String text;
        private final RejectPolicy policy;

        InlineSource(String text, RejectPolicy policy) {
            this.text = text;
            this.policy = policy;
        }

        @Override
        public String name() {
            return "inline";
        }

        @Override
        public ReadResult read(ProgressListener listener) {
            String[] lines = text.split(";", -1);
            List<String> names = new ArrayList<>();
            List<ColumnType> declared = new ArrayList<>();
            for (String h : lines[0].split(",", -1)) {
                int colon = h.indexOf(':');
                names.add(colon < 0 ? h : h.substring(0, colon));
                declared.add(colon < 0 ? null : ColumnType.valueOf(h.substring(colon + 1)));
            }
            List<String> header = Naming.snakeCaseAll(names);
            List<String[]> records = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                records.add(lines[i].split(",", -1));
            }
            Schema inferred = SchemaInference.infer(header, records, CoercionOptions.DEFAULT);
            List<ColumnSpec> cols = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                cols.add(declared.get(c) == null ? inferred.column(c) : ColumnSpec.of(header.get(c), declared.get(c)));
            }
            Schema schema = Schema.of(cols);
            TableBuilder b = new TableBuilder(name(), schema, CoercionOptions.DEFAULT,
                new RejectCollector(name(), policy));
            Progress progress = new Progress(name(), listener);
            for (int r = 0; r < records.size(); r++) {
                String[] fields = records.get(r);
                if (fields.length != header.size()) {
                    b.rejectRecord(r + 1, -1, RejectKind.SHAPE, "expected " + header.size() + " fields, found "
                        + fields.length, lines[r + 1]);
                    continue;
                }
                b.startRecord(r + 1, -1);
                for (int c = 0; c < fields.length; c++) {
                    b.set(c, fields[c]);
                }
                b.endRecord();
                progress.update(r + 1, -1);
            }
            ReadResult result = b.finish(text.length());
            progress.done(records.size(), text.length());
            return result;
        }
    }
}
