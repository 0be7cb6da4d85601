import cn.govdata.sql.Gateway;
import cn.govdata.sql.GatewayRuntime;
import cn.govdata.sql.GatewaySettings;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CurrentUserContext;

/**
 * SQL gateway benchmark (not a test): the cost of enforcement against plain Spark SQL on the same
 * tables in the same run, and the warm round trip of the gateway over Hive JDBC. Run with
 * bench/sql/run.sh [persons] [iterations]; prints figures, asserts nothing.
 */
public class GatewayBench {

  static final String SCAN_AND_FILTER =
      "SELECT id_number, full_name, mobile, region_code FROM population.person"
          + " WHERE birth_date BETWEEN DATE'1970-01-01' AND DATE'1989-12-31'";
  static final String SCAN_AND_AGGREGATE =
      "SELECT region_code, count(*), max(birth_date) FROM population.person"
          + " WHERE birth_date >= DATE'1980-01-01' GROUP BY region_code";
  /**
   * Each query with the analyst's region written in by hand: plain Spark SQL doing the same rows as
   * the analyst's enforced query, so that the difference is what enforcement adds (the masks, the
   * injected filter, the checks) and not the rows the filter saves.
   */
  static final Map<String, String> SAME_ROWS_AS_ANALYST =
      Map.of(
          SCAN_AND_FILTER,
          SCAN_AND_FILTER + " AND region_code LIKE '4406%'",
          SCAN_AND_AGGREGATE,
          SCAN_AND_AGGREGATE.replace(" GROUP BY", " AND region_code LIKE '4406%' GROUP BY"));

  public static void main(String[] args) throws Exception {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path home = Files.createTempDirectory("govdata-sql-bench");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    GatewaySettings settings = new GatewaySettings("127.0.0.1", port);
    SparkSession spark = Gateway.session(home, settings, "local[2]");
    spark.sparkContext().setLogLevel("WARN");
    long loadStart = System.nanoTime();
    Gateway.loadDemo(spark, home, persons);
    System.out.printf(
        Locale.ROOT, "loaded %d generated persons in %.1f s%n", persons, (System.nanoTime() - loadStart) / 1e9);

    SparkSession plain = spark.newSession();
    SparkSession officer = spark.newSession();
    SparkSession analyst = spark.newSession();
    System.out.println();
    System.out.println("in-process, same SparkContext, p50 / mean of " + iterations + " runs, ms");
    for (String query : List.of(SCAN_AND_FILTER, SCAN_AND_AGGREGATE)) {
      List<Double> plainPlanning = new ArrayList<>();
      List<Double> analystPlanning = new ArrayList<>();
      List<Double> plainTimes = new ArrayList<>();
      List<Double> officerTimes = new ArrayList<>();
      List<Double> analystTimes = new ArrayList<>();
      List<Double> sameRowsTimes = new ArrayList<>();
      String sameRows = SAME_ROWS_AS_ANALYST.get(query);
      for (int i = 0; i < iterations + 5; i++) {
        // interleaved, so drift (JIT, caches, the other processes on the machine) hits all alike,
        // and in a rotating order, so that none of the three always runs first or last
        double[] times = new double[4];
        for (int k = 0; k < 4; k++) {
          int which = (i + k) % 4;
          times[which] =
              switch (which) {
                case 0 -> time(() -> GatewayRuntime.asSystem(() -> plain.sql(query).collectAsList().size()));
                case 1 -> time(() -> as("officer", () -> officer.sql(query).collectAsList().size()));
                case 2 -> time(() -> as("analyst", () -> analyst.sql(query).collectAsList().size()));
                default -> time(() -> GatewayRuntime.asSystem(() -> plain.sql(sameRows).collectAsList().size()));
              };
        }
        double p = times[0];
        double o = times[1];
        double a = times[2];
        double ps = times[3];
        // parse, analysis (with the policy decisions) and checks only: the fixed cost per statement
        double pp = time(() -> GatewayRuntime.asSystem(() -> plain.sql(query).queryExecution().analyzed()));
        double ap = time(() -> as("analyst", () -> analyst.sql(query).queryExecution().analyzed()));
        if (i >= 5) {
          plainPlanning.add(pp);
          analystPlanning.add(ap);
          plainTimes.add(p);
          officerTimes.add(o);
          analystTimes.add(a);
          sameRowsTimes.add(ps);
        }
      }
      int plainRows = GatewayRuntime.asSystem(() -> plain.sql(query).collectAsList().size());
      int analystRows = as("analyst", () -> analyst.sql(query).collectAsList().size());
      System.out.println(query);
      report("  plain Spark SQL (no enforcement)", plainTimes, plainRows, plainTimes);
      report("  enforced, privacy officer (checks only)", officerTimes, plainRows, plainTimes);
      report("  enforced, city analyst (masks + row filter)", analystTimes, analystRows, plainTimes);
      int sameRowsCount = GatewayRuntime.asSystem(() -> plain.sql(sameRows).collectAsList().size());
      report("  plain, the analyst's rows (filter by hand)", sameRowsTimes, sameRowsCount, sameRowsTimes);
      report("  enforced, city analyst, against that", analystTimes, analystRows, sameRowsTimes);
      System.out.printf(
          Locale.ROOT,
          "  parse + analyse only: plain p50 %.1f, enforced (analyst) p50 %.1f%n",
          percentile(plainPlanning, 50),
          percentile(analystPlanning, 50));
    }

    Gateway gateway = Gateway.start(spark, settings);
    try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), "analyst", "analyst-demo");
        Statement statement = connection.createStatement()) {
      List<Double> roundTrips = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        double t = time(() -> rows(statement, "SELECT 1"));
        if (i >= 20) {
          roundTrips.add(t);
        }
      }
      List<Double> scans = new ArrayList<>();
      for (int i = 0; i < iterations + 3; i++) {
        double t = time(() -> rows(statement, SCAN_AND_FILTER));
        if (i >= 3) {
          scans.add(t);
        }
      }
      System.out.println();
      System.out.println("over Hive JDBC (" + settings.jdbcUrl() + ", user analyst), ms");
      System.out.printf(
          Locale.ROOT,
          "  warm SELECT 1 round trip: p50 %.1f, p95 %.1f (n=%d)%n",
          percentile(roundTrips, 50),
          percentile(roundTrips, 95),
          roundTrips.size());
      System.out.printf(
          Locale.ROOT,
          "  scan-and-filter (%d rows fetched): p50 %.1f (n=%d)%n",
          rows(statement, SCAN_AND_FILTER),
          percentile(scans, 50),
          scans.size());
    } finally {
      gateway.close();
    }
  }

  static int rows(Statement statement, String sql) {
    try (ResultSet result = statement.executeQuery(sql)) {
      int n = 0;
      while (result.next()) {
        n++;
      }
      return n;
    } catch (Exception e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static <T> T as(String user, Supplier<T> work) {
    CurrentUserContext.CURRENT_USER().set(user);
    try {
      return work.get();
    } finally {
      CurrentUserContext.CURRENT_USER().remove();
    }
  }

  static double time(Supplier<?> work) {
    long start = System.nanoTime();
    work.get();
    return (System.nanoTime() - start) / 1e6;
  }

  static void report(String label, List<Double> times, int rows, List<Double> baseline) {
    double p50 = percentile(times, 50);
    double base = percentile(baseline, 50);
    System.out.printf(
        Locale.ROOT,
        "%-48s p50 %8.1f  mean %8.1f  rows %7d  overhead vs plain p50 %+6.1f%%%n",
        label,
        p50,
        times.stream().mapToDouble(Double::doubleValue).average().orElse(0),
        rows,
        (p50 - base) / base * 100);
  }

  static double percentile(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
