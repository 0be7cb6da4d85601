package cn.govdata.bench.search;

import cn.govdata.search.CatalogEntry;
import cn.govdata.search.CatalogIndex;
import cn.govdata.search.CatalogSearch;
import cn.govdata.search.SearchConnection;
import cn.govdata.search.SearchSettings;
import cn.govdata.search.Viewer;
import cn.govdata.search.local.LocalElasticsearch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog search benchmark: indexes a synthetic catalogue with a full rebuild, then sends a mix
 * of portal queries, sequentially, to every target and prints latency percentiles. Not a test: it
 * asserts nothing about time, it reports. Run (from the repository root):
 *
 * <pre>./mvnw -B -q -pl bench/search -am -DskipTests -Dbench verify</pre>
 *
 * with options in {@code -Dbench.args="..."}: {@code --docs N} (100000), {@code --queries N}
 * (3000), {@code --warmup N} (300), {@code --url URL} (an Elasticsearch already running; default a
 * local node started for the run), {@code --http-url TEMPLATE} (also measure the platform's search
 * API, e.g. {@code http://127.0.0.1:8080/api/3/action/package_search?q={q}&fq={fq}&rows=20}).
 */
public final class SearchBenchmark {

  private int docs = 100_000;
  private int queries = 3_000;
  private int warmup = 300;
  private URI url;
  private String httpUrl;

  public static void main(String[] args) throws Exception {
    SearchBenchmark benchmark = new SearchBenchmark();
    benchmark.parse(args);
    benchmark.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--docs" -> docs = positive("--docs", value);
        case "--queries" -> queries = positive("--queries", value);
        case "--warmup" -> warmup = positive("--warmup", value);
        case "--url" -> url = URI.create(required("--url", value));
        case "--http-url" -> httpUrl = required("--http-url", value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
  }

  private void run() throws Exception {
    LocalElasticsearch node = null;
    if (url == null) {
      System.out.println("starting a local Elasticsearch (search/bin/es-local) ...");
      node =
          LocalElasticsearch.start(
              Path.of(System.getProperty("govdata.search.esLocal")),
              Path.of(System.getProperty("govdata.search.esWork")),
              Path.of(System.getProperty("govdata.search.esDistDir")));
      url = node.url();
    }
    try (SearchConnection connection =
        new SearchConnection(new SearchSettings(url, "bench-catalog"))) {
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf(
          Locale.ROOT,
          "govdata search benchmark: %d cores, Java %s, Elasticsearch at %s, load average %s%n",
          cores,
          System.getProperty("java.version"),
          url,
          loadAverage());

      List<CatalogEntry> entries = new SyntheticCatalog(42).entries(docs);
      CatalogIndex index = new CatalogIndex(connection);
      CpuMeter cpu = new CpuMeter(url);
      CpuMeter.Sample before = cpu.sample();
      long start = System.nanoTime();
      index.rebuild(entries);
      double seconds = (System.nanoTime() - start) / 1e9;
      CpuMeter.Sample used = cpu.sample().minus(before);
      double rate = docs / seconds;
      System.out.printf(
          Locale.ROOT,
          "indexing: %,d entries in %.1f s = %,.0f docs/s = %,.0f docs/s per core"
              + " (full rebuild, bulk 1000, two in flight, refresh at the end)%n",
          docs,
          seconds,
          rate,
          rate / cores);
      System.out.printf(
          Locale.ROOT,
          "indexing CPU: Elasticsearch %.1f s + client %.1f s = %,.0f docs per CPU-second"
              + " (the per-core rate on a machine not shared with other work)%n",
          used.elasticsearchMillis() / 1000.0,
          used.clientMillis() / 1000.0,
          docs / used.totalSeconds());

      CatalogSearch search = new CatalogSearch(connection);
      List<SearchTarget> targets = new ArrayList<>();
      targets.add(new DirectSearchTarget(search));
      if (httpUrl != null) {
        targets.add(new HttpSearchTarget(httpUrl));
      }
      List<BenchQuery> mix = BenchQuery.mix(queries, 7);
      List<BenchQuery> warm = BenchQuery.mix(warmup, 11);
      System.out.printf(
          Locale.ROOT,
          "queries: %,d (after %,d warm-up), sequential, rows 20, eight facets unless said%n",
          queries,
          warmup);
      System.out.printf(
          Locale.ROOT,
          "%-36s %8s %8s %8s %8s%n",
          "target / kind",
          "p50 ms",
          "p99 ms",
          "mean ms",
          "n");
      Map<String, Latencies> overall = new LinkedHashMap<>();
      for (SearchTarget target : targets) {
        try (target) {
          for (BenchQuery query : warm) {
            target.search(query);
          }
          Latencies all = new Latencies();
          Map<String, Latencies> byKind = new LinkedHashMap<>();
          CpuMeter.Sample queriesBefore = cpu.sample();
          for (BenchQuery query : mix) {
            long begin = System.nanoTime();
            target.search(query);
            long took = System.nanoTime() - begin;
            all.add(took);
            byKind.computeIfAbsent(query.kind(), k -> new Latencies()).add(took);
          }
          CpuMeter.Sample queriesUsed = cpu.sample().minus(queriesBefore);
          print(target.name(), all);
          byKind.forEach((kind, latencies) -> print("  " + kind, latencies));
          System.out.printf(
              Locale.ROOT,
              "  Elasticsearch CPU per query: %.2f ms (its service time without contention)%n",
              (double) queriesUsed.elasticsearchMillis() / mix.size());
          overall.put(target.name(), all);
        }
      }
      suggestions(search);
      System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
      if (overall.size() > 1) {
        List<Latencies> measured = List.copyOf(overall.values());
        System.out.printf(
            Locale.ROOT,
            "platform overhead: p50 x%.2f, p99 x%.2f (HTTP / direct)%n",
            measured.get(1).percentileMillis(50) / measured.get(0).percentileMillis(50),
            measured.get(1).percentileMillis(99) / measured.get(0).percentileMillis(99));
      }
    } finally {
      if (node != null) {
        node.stop();
      }
    }
  }

  private void suggestions(CatalogSearch search) {
    String[] prefixes = {"广州", "佛山市公", "深圳市交", "東莞", "中山市教育", "人口", "惠州市生态"};
    Latencies latencies = new Latencies();
    for (int i = 0; i < warmup + queries; i++) {
      long begin = System.nanoTime();
      search.suggest(prefixes[i % prefixes.length], Viewer.PUBLIC, 10);
      if (i >= warmup) {
        latencies.add(System.nanoTime() - begin);
      }
    }
    print("suggest (Java API)", latencies);
  }

  /** The machine's load: figures taken while other work shares the cores are not comparable. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void print(String name, Latencies latencies) {
    System.out.printf(
        Locale.ROOT,
        "%-36s %8.2f %8.2f %8.2f %8d%n",
        name,
        latencies.percentileMillis(50),
        latencies.percentileMillis(99),
        latencies.meanMillis(),
        latencies.count());
  }

  private static int positive(String option, String value) {
    int number = Integer.parseInt(required(option, value));
    if (number < 1) {
      throw new IllegalArgumentException(option + " must be at least 1");
    }
    return number;
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
