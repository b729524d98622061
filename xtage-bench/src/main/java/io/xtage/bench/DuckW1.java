package io.xtage.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload W1 ({@code shared/bench/WORKLOAD.md}) as DuckDB SQL through JDBC, in memory: the
 * contender that {@code bench/run-w1.sh} times against {@code xtage w1} on the same files.
 *
 * <pre>java -cp xtage-bench/target/xtage-bench.jar io.xtage.bench.DuckW1 DATA_DIR OUT.csv</pre>
 *
 * <p>Prints the number of rows written on stdout; step times go to stderr. The SQL is the
 * team's reference implementation ({@code shared/bench/reference/DuckW1.java}) unchanged: it
 * and the pandas anchor agree cell for cell from 10k to 5M rows, so it is the oracle that
 * {@link W1Compare} checks xtage's output against. Change its semantics only together with
 * the workload's definition.
 *
 * @since 0.1.0
 */
public final class DuckW1 {

    private DuckW1() {
    }

    private static long last = System.nanoTime();
    private static final long START = last;

    private static void step(String name) {
        long now = System.nanoTime();
        System.err.printf("step %-16s %8.3f s%n", name, (now - last) / 1e9);
        last = now;
    }

    private static String lit(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    /**
     * @param args DATA_DIR OUT.csv
     * @throws SQLException if DuckDB fails
     * @since 0.1.0
     */
    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: DuckW1 DATA_DIR OUT.csv");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String sales = lit(dir.resolve("sales_data.csv"));
        String trans = lit(dir.resolve("transactions.csv"));
        String prods = lit(dir.resolve("products.csv"));
        String custs = lit(dir.resolve("customer_data.json"));
        String rates = lit(dir.resolve("exchange_rates.json"));
        String out = lit(Path.of(args[1]));

        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = conn.createStatement()) {
            System.err.println("duckdb " + conn.getMetaData().getDatabaseProductVersion());
            step("connect");
            // Steps 1-5c: read, type, join, drop duplicates, filter, clean text.
            st.execute("CREATE TEMP TABLE cleaned AS\n"
                + "WITH sales AS (\n"
                + "  SELECT CAST(Transaction_ID AS BIGINT) AS transaction_id,\n"
                + "         CAST(Product_ID AS BIGINT) AS product_id,\n"
                + "         CAST(Quantity AS BIGINT) AS quantity,\n"
                + "         CAST(NULLIF(Price, '') AS DOUBLE) AS price,\n"
                + "         CAST(CASE\n"
                + "           WHEN regexp_full_match(Transaction_Date, '\\d{4}-\\d{2}-\\d{2}')\n"
                + "             THEN try_strptime(Transaction_Date, '%Y-%m-%d')\n"
                + "           WHEN regexp_full_match(Transaction_Date, '\\d{2}/\\d{2}/\\d{4}')\n"
                + "             THEN try_strptime(Transaction_Date, '%d/%m/%Y')\n"
                + "           WHEN regexp_full_match(Transaction_Date, '\\d{2}-\\d{2}-\\d{4}')\n"
                + "             THEN try_strptime(Transaction_Date, '%m-%d-%Y')\n"
                + "         END AS DATE) AS transaction_date\n"
                + "  FROM read_csv(" + sales + ", header = true, all_varchar = true)),\n"
                + "products AS (\n"
                + "  SELECT CAST(Product_ID AS BIGINT) AS product_id,\n"
                + "         NULLIF(Product_Name, '') AS product_name,\n"
                + "         NULLIF(Category, '') AS category,\n"
                + "         CAST(NULLIF(Price, '') AS DOUBLE) AS list_price,\n"
                + "         CAST(NULLIF(Stock_Available, '') AS BIGINT) AS stock_available\n"
                + "  FROM read_csv(" + prods + ", header = true, all_varchar = true)),\n"
                + "transactions AS (\n"
                + "  SELECT CAST(Transaction_ID AS BIGINT) AS transaction_id,\n"
                + "         CAST(Customer_ID AS BIGINT) AS customer_id,\n"
                + "         CAST(NULLIF(Total_Amount, '') AS DOUBLE) AS total_amount\n"
                + "  FROM read_csv(" + trans + ", header = true, all_varchar = true)),\n"
                + "customers AS (\n"
                + "  SELECT Customer_ID AS customer_id, Customer_Name AS customer_name, Age AS age,\n"
                + "         Gender AS gender, Location AS location,\n"
                + "         CAST(try_strptime(Date_Joined, '%Y-%m-%d') AS DATE) AS date_joined\n"
                + "  FROM read_json(" + custs + ", format = 'array', columns = {\n"
                + "    Customer_ID: 'BIGINT', Customer_Name: 'VARCHAR', Age: 'DOUBLE',\n"
                + "    Gender: 'VARCHAR', Location: 'VARCHAR', Date_Joined: 'VARCHAR'})),\n"
                + "rates AS (\n"
                + "  SELECT Currency_Code AS currency_code, Exchange_Rate AS exchange_rate,\n"
                + "         CAST(try_strptime(Date, '%Y-%m-%d') AS DATE) AS date\n"
                + "  FROM read_json(" + rates + ", format = 'array', columns = {\n"
                + "    Currency_Code: 'VARCHAR', Exchange_Rate: 'DOUBLE', Date: 'VARCHAR'})),\n"
                + "eur AS (\n"
                + "  SELECT date, eur_rate FROM (\n"
                + "    SELECT currency_code, date, avg(exchange_rate) AS eur_rate FROM rates\n"
                + "    WHERE date IS NOT NULL AND exchange_rate > 0\n"
                + "    GROUP BY currency_code, date)\n"
                + "  WHERE currency_code = 'EUR'),\n"
                + "unified AS (\n"
                + "  SELECT s.transaction_id, s.product_id, s.quantity, s.price, s.transaction_date,\n"
                + "         p.product_name, p.category, p.list_price, p.stock_available,\n"
                + "         t.customer_id, t.total_amount,\n"
                + "         c.customer_name, c.age, c.gender, c.location, c.date_joined,\n"
                + "         e.eur_rate\n"
                + "  FROM sales s\n"
                + "  LEFT JOIN products p ON s.product_id = p.product_id\n"
                + "  LEFT JOIN transactions t ON s.transaction_id = t.transaction_id\n"
                + "  LEFT JOIN customers c ON t.customer_id = c.customer_id\n"
                + "  ASOF LEFT JOIN eur e ON s.transaction_date >= e.date),\n"
                + DEDUP_AND_CLEAN);
            step("read+join+clean");

            // Step 5d statistics (rows left after b), and the mean / std of the imputed price.
            List<String> cats = statistics(st);
            try (ResultSet rs = st.executeQuery("SELECT n_eur_null FROM stats")) {
                rs.next();
                System.err.println("eur_rate missing before impute: " + rs.getLong(1));
            }
            step("statistics");

            // Steps 5d-e and 6.
            String copy = "COPY (\n" + prepared(cats)
                + ") TO " + out + " (FORMAT csv, HEADER true, DELIMITER ',', DATEFORMAT '%Y-%m-%d')";
            long rows = st.executeLargeUpdate(copy);
            step("impute+write");
            System.out.println(rows);
            System.err.printf("step %-16s %8.3f s%n", "TOTAL", (System.nanoTime() - START) / 1e9);
        }
    }

    /**
     * The end of the statement that makes table {@code cleaned}: after a CTE chain whose last
     * member is {@code unified}, steps 5a-c (drop duplicates, drop negative prices and
     * quantities, clean gender and location).
     */
    static final String DEDUP_AND_CLEAN = "dedup AS (SELECT DISTINCT * FROM unified)\n"
        + "SELECT transaction_id, product_id, quantity, price, transaction_date,\n"
        + "       product_name, category, list_price, stock_available, customer_id,\n"
        + "       total_amount, customer_name, age,\n"
        + "       CASE lower(NULLIF(gender, '')) WHEN 'm' THEN 'male' WHEN 'f' THEN 'female'\n"
        + "            ELSE lower(NULLIF(gender, '')) END AS gender,\n"
        + "       CASE WHEN location IN ('', 'Unknown') THEN NULL ELSE location END AS location,\n"
        + "       date_joined, eur_rate\n"
        + "FROM dedup\n"
        + "WHERE (price IS NULL OR price >= 0) AND (quantity IS NULL OR quantity >= 0)";

    /**
     * Step 5d's statistics of table {@code cleaned} into tables {@code stats} and {@code zstats}
     * (the mean and standard deviation of the imputed price).
     *
     * @return the categories one-hot encoding makes columns of, lower case, sorted
     */
    static List<String> statistics(Statement st) throws SQLException {
        st.execute("CREATE TEMP TABLE stats AS SELECT\n"
            + "  median(price) AS m_price, median(list_price) AS m_list_price, median(age) AS m_age,\n"
            + "  median(total_amount) AS m_total_amount, median(eur_rate) AS m_eur_rate,\n"
            + "  mode(gender) AS m_gender, mode(location) AS m_location, mode(category) AS m_category,\n"
            + "  count(*) - count(eur_rate) AS n_eur_null\n"
            + "FROM cleaned");
        st.execute("CREATE TEMP TABLE zstats AS SELECT avg(p) AS mean_p, stddev_pop(p) AS std_p\n"
            + "FROM (SELECT coalesce(price, m_price) AS p FROM cleaned, stats)");
        List<String> cats = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(
                "SELECT DISTINCT lower(coalesce(category, m_category)) AS c FROM cleaned, stats"
                + " WHERE c IS NOT NULL ORDER BY c")) {
            while (rs.next()) {
                cats.add(rs.getString(1));
            }
        }
        return cats;
    }

    /** Steps 5d-e and 6 as one query over {@code cleaned}, {@code stats} and {@code zstats}. */
    static String prepared(List<String> cats) {
        StringBuilder oneHot = new StringBuilder();
        for (String c : cats) {
            String v = c.replace("'", "''");
            String col = ("category_" + c).replace("\"", "\"\"");
            oneHot.append(",\n  CAST(lower(category) = '").append(v).append("' AS INTEGER) AS \"")
                .append(col).append('"');
        }
        return "WITH imputed AS (\n"
            + "  SELECT transaction_id, product_id, quantity,\n"
            + "         coalesce(price, m_price) AS price, transaction_date, product_name,\n"
            + "         coalesce(category, m_category) AS category,\n"
            + "         coalesce(list_price, m_list_price) AS list_price, stock_available,\n"
            + "         customer_id, coalesce(total_amount, m_total_amount) AS total_amount,\n"
            + "         customer_name, coalesce(age, m_age) AS age,\n"
            + "         coalesce(gender, m_gender) AS gender, coalesce(location, m_location) AS location,\n"
            + "         date_joined, coalesce(eur_rate, m_eur_rate) AS eur_rate\n"
            + "  FROM cleaned, stats)\n"
            + "SELECT transaction_id, product_id, quantity, price, transaction_date, product_name,\n"
            + "  list_price, stock_available, customer_id, total_amount, customer_name, age,\n"
            + "  gender, location, date_joined, eur_rate,\n"
            + "  CASE WHEN age >= 0 AND age < 18 THEN '<18'\n"
            + "       WHEN age >= 18 AND age <= 30 THEN '18-30'\n"
            + "       WHEN age > 30 AND age <= 50 THEN '31-50'\n"
            + "       WHEN age > 50 AND age <= 100 THEN '>50' END AS age_group,\n"
            + "  quantity * price AS total,\n"
            + "  quantity * price * eur_rate AS total_eur"
            + oneHot
            + ",\n  (price - mean_p) / std_p AS price_z\n"
            + "FROM imputed, zstats";
    }
}
