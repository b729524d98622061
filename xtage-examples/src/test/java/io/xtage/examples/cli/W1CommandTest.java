package io.xtage.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.XtageException;
import io.xtage.examples.spark.SparkW1;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.source.csv.CsvSource;
import io.xtage.spark.SparkEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code xtage w1 --engine}: the choice of engine, and the Spark engine with and without Spark. */
class W1CommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object cli, String... args) {
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void unknownEngineIsRejected() {
        int code = run(new XtageCli(), "w1", "--engine", "flink", "--data", tmp.toString(), "--out", "x.csv");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--engine must be local or spark, not flink");
    }

    @Test
    void sparkEngineRunsSparkW1() {
        int code = run(new XtageCli(), "w1", "--engine", "spark", "--data", tmp.resolve("none").toString(), "--out",
            "x.csv");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("xtage w1 (spark): ").contains("sales_data.csv does not exist");
    }

    @Test
    void sparkEngineWithoutSparkOnTheClassPathSaysWhatToDo() throws Exception {
        for (String f : new String[] {"sales_data.csv", "products.csv", "transactions.csv", "customer_data.json",
            "exchange_rates.json"}) {
            Files.writeString(tmp.resolve(f), "");
        }
        try (URLClassLoader noSpark = new WithoutSpark(getClass().getClassLoader())) {
            Object cli = noSpark.loadClass(XtageCli.class.getName()).getDeclaredConstructor().newInstance();
            assertThat(cli.getClass().getClassLoader()).isSameAs(noSpark);

            int code = run(cli, "w1", "--engine", "spark", "--data", tmp.toString(), "--out",
                tmp.resolve("x.csv").toString());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString())
                .contains("xtage w1: --engine spark needs Spark 3.5 (Scala 2.13) on the class path")
                .contains("org/apache/spark/sql/SparkSession")
                .contains("spark-submit --class io.xtage.examples.spark.SparkW1 xtage.jar --data DIR --out FILE");
        }
    }

    /**
     * Loads the xtage classes itself (from where the test's class loader found them) and finds no
     * Spark or Scala class: the class path of {@code java -jar xtage.jar}.
     */
    private static final class WithoutSpark extends URLClassLoader {
        WithoutSpark(ClassLoader parent) throws IOException {
            super(xtageLocations(), parent);
        }

        private static URL[] xtageLocations() {
            Set<URL> urls = new LinkedHashSet<>();
            for (Class<?> c : new Class<?>[] {XtageCli.class, SparkW1.class, SparkEngine.class, XtageException.class,
                DataPreprocessor.class, CsvSource.class}) {
                urls.add(c.getProtectionDomain().getCodeSource().getLocation());
            }
            return urls.toArray(new URL[0]);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.apache.spark.") || name.startsWith("scala.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("io.xtage.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
