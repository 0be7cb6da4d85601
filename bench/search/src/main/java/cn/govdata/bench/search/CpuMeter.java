package cn.govdata.bench.search;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time spent by Elasticsearch (its own node stats) and by this JVM. On a machine shared with
 * other work, wall-clock rates say more about the neighbours than about search; work per CPU second
 * does not, so the benchmark reports both.
 */
final class CpuMeter {

  private static final Pattern CPU_TOTAL =
      Pattern.compile("\"cpu\"\\s*:\\s*\\{[^}]*\"total_in_millis\"\\s*:\\s*(\\d+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI stats;

  CpuMeter(URI elasticsearch) {
    this.stats = elasticsearch.resolve("/_nodes/_local/stats/process");
  }

  /** Milliseconds of CPU used so far by Elasticsearch and by this JVM. */
  Sample sample() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher cpu = CPU_TOTAL.matcher(response.body());
    if (!cpu.find()) {
      throw new IllegalStateException("no process cpu in " + stats);
    }
    long jvmNanos =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new Sample(Long.parseLong(cpu.group(1)), jvmNanos / 1_000_000);
  }

  /** CPU milliseconds of Elasticsearch and of the benchmark JVM at one moment. */
  record Sample(long elasticsearchMillis, long clientMillis) {

    Sample minus(Sample earlier) {
      return new Sample(
          elasticsearchMillis - earlier.elasticsearchMillis, clientMillis - earlier.clientMillis);
    }

    double totalSeconds() {
      return (elasticsearchMillis + clientMillis) / 1000.0;
    }
  }
}
