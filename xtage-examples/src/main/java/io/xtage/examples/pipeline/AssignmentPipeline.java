package io.xtage.examples.pipeline;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.SecretSupplier;
import io.xtage.core.Source;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.report.Json;
import io.xtage.core.standardize.JoinReport;
import io.xtage.core.standardize.StandardizeResult;
import io.xtage.preprocess.PreprocessResult;
import io.xtage.preprocess.StepReport;
import io.xtage.sink.SinkReport;
import io.xtage.sink.csv.CsvSink;
import io.xtage.sink.postgres.PostgresSink;
import io.xtage.sink.postgres.SqlExport;
import io.xtage.source.csv.CsvOptions;
import io.xtage.source.csv.CsvSource;
import io.xtage.source.http.HttpOptions;
import io.xtage.source.http.HttpSource;
import io.xtage.source.jdbc.JdbcSource;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The assignment, end to end: sales from a CSV file; products and transactions loaded into
 * PostgreSQL and read back through the JDBC source; customers and exchange rates through the
 * HTTP source with a bearer token; standardized as W1 steps 1 to 4 (with sales dates inferred per
 * shape), preprocessed as W1 step 5, written out and loaded into PostgreSQL as {@code prepared}.
 *
 * <p>Outputs are written to a staging folder and moved into the out folder only when the whole
 * run succeeded, so a failed run never leaves files that look like a result.
 *
 * @since 0.1.0
 */
public final class AssignmentPipeline {
    /** Files the pipeline writes into the out folder. */
    public static final List<String> OUTPUTS = List.of("standardized.csv", "preprocessed.csv", "rejects.csv",
        "report.json", "prepared.sql", "preprocessor.json");

    private final Config config;

    /**
     * @param config where the data comes from and goes to
     * @since 0.1.0
     */
    public AssignmentPipeline(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Runs the pipeline.
     *
     * @return the run report (the content of {@code report.json}) and a human summary
     * @throws XtageException if a source, a step or a sink fails; nothing is left in the out folder
     * @since 0.1.0
     */
    public Outcome run() {
        long t0 = System.nanoTime();
        Path data = config.data;
        Path staging = staging(config.out);
        Path tokenFile = null;
        try (Database db = config.pgUrl == null ? Database.embedded()
                : Database.existing(config.pgUrl, config.pgUser, config.pgPassword);
             LocalApiServer api = config.customersUrl == null || config.ratesUrl == null
                 ? LocalApiServer.start(Map.of("/customers", data.resolve("customer_data.json"),
                     "/exchange_rates", data.resolve("exchange_rates.json")), null)
                 : null) {
            List<Labeled> rejects = new ArrayList<>();
            Map<String, Object> loads = new LinkedHashMap<>();
            // products and transactions live in PostgreSQL, as in the assignment: load the CSV files
            loads.put("products", loadCsv(db, data.resolve("products.csv"), "products", W1Workload.productsSchema(),
                "product_id", rejects));
            loads.put("transactions", loadCsv(db, data.resolve("transactions.csv"), "transactions",
                W1Workload.transactionsSchema(), "transaction_id", rejects));

            URI customersUri = api != null ? api.uri("/customers") : URI.create(config.customersUrl);
            URI ratesUri = api != null ? api.uri("/exchange_rates") : URI.create(config.ratesUrl);
            tokenFile = api != null ? writeToken(api.token()) : null;
            SecretSupplier token = tokenFile != null ? SecretSupplier.file(tokenFile) : config.apiToken;

            Map<String, Source> sources = new LinkedHashMap<>();
            sources.put(W1Workload.SALES, CsvSource.builder().path(data.resolve("sales_data.csv"))
                .options(CsvOptions.DEFAULT).schema(W1Workload.salesSchema(true)).build());
            sources.put(W1Workload.PRODUCTS, JdbcSource.builder().dataSource(db.dataSource())
                .table("public", "products").build());
            sources.put(W1Workload.TRANSACTIONS, JdbcSource.builder().dataSource(db.dataSource())
                .table("public", "transactions").build());
            sources.put(W1Workload.CUSTOMERS, http(customersUri, token, W1Workload.customersSchema()));
            sources.put(W1Workload.RATES, http(ratesUri, token, W1Workload.ratesSchema()));
            Map<String, ReadResult> reads = ParallelReads.readAll(sources, config.progress);
            reads.forEach((name, r) -> r.rejects().forEach(x -> rejects.add(new Labeled(name, x))));

            StandardizeResult unified = W1Workload.standardization().run(W1Workload.tables(reads));
            unified.rejects().forEach(x -> rejects.add(new Labeled("standardize", x)));
            PreprocessResult prepared = W1Workload.preprocessor().fitTransform(unified.table());

            CsvSink.to(staging.resolve("standardized.csv")).write(unified.table());
            CsvSink.to(staging.resolve("preprocessed.csv")).write(prepared.table());
            CsvSink.to(staging.resolve("rejects.csv")).write(rejectsTable(rejects));
            Files.writeString(staging.resolve("preprocessor.json"), prepared.fitted().toJson() + "\n");
            SinkReport loaded = PostgresSink.builder().dataSource(db.dataSource()).table("public", "prepared")
                .mode(PostgresSink.Mode.REPLACE).build().write(prepared.table());
            SqlExport.builder()
                .table("products", reads.get(W1Workload.PRODUCTS).table(), List.of("product_id"))
                .table("prepared", prepared.table())
                .build().write(staging.resolve("prepared.sql"));

            Map<String, Object> report = report(reads, unified, prepared, rejects, loads, loaded, t0);
            report.put("apis", apis(api, sources.get(W1Workload.CUSTOMERS).name(), sources.get(W1Workload.RATES).name()));
            Json.write(staging.resolve("report.json"), report);
            publish(staging, config.out);
            return new Outcome(report, summary(report, api));
        } catch (IOException e) {
            throw new XtageException("pipeline: " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
            if (tokenFile != null) {
                tokenFile.toFile().delete();
            }
        }
    }

    private static Source http(URI uri, SecretSupplier token, io.xtage.core.schema.Schema schema) {
        HttpOptions.Builder o = HttpOptions.builder().get();
        if (token != null) {
            o.bearerToken(token);
        }
        return HttpSource.builder().uri(uri).options(o.build())
            .format(JsonSource.format(JsonOptions.DEFAULT).withSchema(schema)).build();
    }

    private static Map<String, Object> loadCsv(Database db, Path file, String table, io.xtage.core.schema.Schema schema,
                                               String key, List<Labeled> rejects) {
        ReadResult r = CsvSource.builder().path(file).options(CsvOptions.DEFAULT).schema(schema).build().read();
        r.rejects().forEach(x -> rejects.add(new Labeled(file.getFileName().toString(), x)));
        SinkReport s = PostgresSink.builder().dataSource(db.dataSource()).table("public", table).primaryKey(key)
            .mode(PostgresSink.Mode.REPLACE).build().write(r.table());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.getFileName().toString());
        m.put("rows_read", r.recordsRead());
        m.put("rows_rejected", r.report().rowsRejected());
        m.put("rows_loaded", s.rowsWritten());
        m.put("table", "public." + table);
        return m;
    }

    /** A reject with the logical source name (sales, customers, ...) that report.json uses. */
    record Labeled(String source, Reject reject) {
    }

    static Table rejectsTable(List<Labeled> rejects) {
        StringColumn source = StringColumn.create("source");
        LongColumn record = LongColumn.create("record");
        StringColumn column = StringColumn.create("column");
        StringColumn value = StringColumn.create("value");
        StringColumn reason = StringColumn.create("reason");
        for (Labeled l : rejects) {
            Reject r = l.reject();
            source.append(l.source());
            record.append(r.recordNumber());
            column.append(r.column().orElse(""));
            value.append(r.rawValue());
            reason.append(r.reason());
        }
        return Table.create("rejects", source, record, column, value, reason);
    }

    private Map<String, Object> report(Map<String, ReadResult> reads, StandardizeResult unified,
                                       PreprocessResult prepared, List<Labeled> rejects, Map<String, Object> loads,
                                       SinkReport loaded, long t0) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> sources = new LinkedHashMap<>();
        Map<String, Object> dateFormats = new LinkedHashMap<>();
        reads.forEach((name, r) -> {
            Map<String, Object> s = new LinkedHashMap<>(r.report().toMap());
            s.put("input", s.remove("source"));
            s.remove("date_formats");
            sources.put(name, s);
            r.report().dateFormats().forEach((col, shapes) -> dateFormats.put(name + "." + col, shapeMaps(shapes)));
        });
        unified.dateFormats().forEach((col, shapes) -> dateFormats.put(col, shapeMaps(shapes)));
        m.put("sources", sources);
        m.put("loads", loads);
        m.put("date_formats", dateFormats);
        List<Object> joins = new ArrayList<>();
        for (JoinReport j : unified.joinReports()) {
            joins.add(j.toMap());
        }
        m.put("joins", joins);
        m.put("rows_standardized", (long) unified.table().rowCount());
        List<Object> steps = new ArrayList<>();
        for (StepReport s : prepared.report().steps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", s.name());
            x.put("rows_in", s.rowsIn());
            x.put("rows_out", s.rowsOut());
            x.put("rows_removed", s.rowsRemoved());
            x.put("cells_changed", s.cellsChanged().values().stream().mapToLong(Long::longValue).sum());
            x.put("cells_changed_by_column", s.cellsChanged());
            x.put("columns_added", s.columnsAdded());
            x.put("columns_removed", s.columnsRemoved());
            steps.add(x);
        }
        m.put("steps", steps);
        m.put("rows_out", (long) prepared.table().rowCount());
        m.put("rejects", (long) rejects.size());
        m.put("prepared_table", Map.of("table", "public.prepared", "rows_loaded", loaded.rowsWritten()));
        m.put("wall_time_ms", (System.nanoTime() - t0) / 1_000_000);
        return m;
    }

    private static Map<String, Object> apis(LocalApiServer api, String customers, String rates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customers", customers);
        m.put("exchange_rates", rates);
        m.put("served_locally", api != null);
        if (api != null) {
            m.put("authorized_requests", api.authorizedRequests());
            m.put("unauthorized_requests", api.unauthorizedRequests());
        }
        return m;
    }

    private static List<Object> shapeMaps(List<DateShapeReport> shapes) {
        List<Object> l = new ArrayList<>();
        shapes.forEach(s -> l.add(s.toMap()));
        return l;
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> report, LocalApiServer api) {
        StringBuilder b = new StringBuilder();
        b.append("sources (rows read / rejected whole / values rejected):\n");
        ((Map<String, Map<String, Object>>) report.get("sources")).forEach((name, s) -> b.append(String.format(
            "  %-15s %,10d %,8d %,8d%n", name, s.get("rows_read"), s.get("rows_rejected"), s.get("values_rejected"))));
        b.append("inferred date formats:\n");
        ((Map<String, List<Map<String, Object>>>) report.get("date_formats")).forEach((col, shapes) -> shapes
            .forEach(sh -> b.append(String.format("  %-28s %-12s %,9d values, evidence %,d, ambiguous %,d (%s)%n",
                col, sh.get("pattern"), sh.get("values"), sh.get("evidence"), sh.get("ambiguous"),
                sh.get("decided_by")))));
        b.append("joins (matched left rows):\n");
        for (Object o : (List<Object>) report.get("joins")) {
            Map<String, Object> j = (Map<String, Object>) o;
            long left = ((Number) j.get("left_rows")).longValue();
            long matched = ((Number) j.get("matched_left_rows")).longValue();
            b.append(String.format("  %-5s %-14s %,10d of %,10d  %5.1f%%%n", j.get("type"), j.get("right"), matched,
                left, left == 0 ? 0.0 : 100.0 * matched / left));
        }
        b.append("preprocessing (rows removed):\n");
        for (Object o : (List<Object>) report.get("steps")) {
            Map<String, Object> s = (Map<String, Object>) o;
            b.append(String.format("  %-32s %,8d removed, %,8d cells changed%n", s.get("name"), s.get("rows_removed"),
                s.get("cells_changed")));
        }
        b.append(String.format("rows out: %,d; rejects: %,d; wall time %.1f s%n", report.get("rows_out"),
            report.get("rejects"), ((Number) report.get("wall_time_ms")).longValue() / 1000.0));
        return b.toString();
    }

    /**
     * The local API's random token, in an owner-only temporary file outside the out folder, so the
     * HTTP source reads it through the same SecretSupplier as a real deployment's token file.
     */
    private static Path writeToken(String token) throws IOException {
        Path f = Files.createTempFile("xtage-api-token", "",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(f, token);
        return f;
    }

    private static Path staging(Path out) {
        try {
            Files.createDirectories(out);
            return Files.createTempDirectory(out, ".xtage-partial-");
        } catch (IOException e) {
            throw new XtageException("cannot create the out folder " + out + ": " + e.getMessage(), e);
        }
    }

    private static void publish(Path staging, Path out) throws IOException {
        for (String f : OUTPUTS) {
            Files.move(staging.resolve(f), out.resolve(f), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a run. */
    public static final class Outcome {
        private final Map<String, Object> report;
        private final String summary;

        Outcome(Map<String, Object> report, String summary) {
            this.report = report;
            this.summary = summary;
        }

        /** @return the run report, as written to report.json @since 0.1.0 */
        public Map<String, Object> report() {
            return report;
        }

        /** @return the human summary @since 0.1.0 */
        public String summary() {
            return summary;
        }
    }

    /**
     * Where a run reads from and writes to. Null URLs mean the embedded defaults.
     *
     * @since 0.1.0
     */
    public static final class Config {
        final Path data;
        final Path out;
        String pgUrl;
        String pgUser;
        String pgPassword;
        String customersUrl;
        String ratesUrl;
        SecretSupplier apiToken;
        ProgressListener progress = ProgressListener.NONE;

        /**
         * @param data the folder with the five assignment files
         * @param out the folder to write the outputs into
         * @since 0.1.0
         */
        public Config(Path data, Path out) {
            this.data = Objects.requireNonNull(data, "data");
            this.out = Objects.requireNonNull(out, "out");
        }

        /** @param url JDBC URL @param user user or null @param password password or null @return this @since 0.1.0 */
        public Config postgres(String url, String user, String password) {
            this.pgUrl = url;
            this.pgUser = user;
            this.pgPassword = password;
            return this;
        }

        /** @param customers URL @param rates URL @param token the bearer token's supplier @return this @since 0.1.0 */
        public Config apis(String customers, String rates, SecretSupplier token) {
            this.customersUrl = customers;
            this.ratesUrl = rates;
            this.apiToken = token;
            return this;
        }

        /** @param listener progress of long reads @return this @since 0.1.0 */
        public Config progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }
    }
}
