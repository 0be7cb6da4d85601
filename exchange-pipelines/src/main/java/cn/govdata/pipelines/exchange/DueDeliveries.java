package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deliver-due}: asks the control plane which deliveries are due ({@code GET
 * /api/v1/subscriptions/due}), runs each, and reports each outcome ({@code POST
 * /api/v1/deliveries/{deliveryId}/status}), authenticating with the node's API key ({@code
 * X-API-Key}).
 */
public final class DueDeliveries {

  /** Runs one due delivery to its end (delivered, rejected or failed after its retries). */
  @FunctionalInterface
  public interface Runner {
    Outcome deliver(DueDelivery due);
  }

  /**
   * What the control plane is told of a delivery.
   *
   * @param state {@code DELIVERED}, {@code REJECTED} or {@code FAILED}
   * @param receiptJson the receiver's signed receipt as it sent it, or {@code null}
   * @param manifestJson the signed manifest the receipt answers, or {@code null}
   */
  public record Outcome(
      String state,
      int attempts,
      String lastError,
      Long snapshotId,
      long rows,
      long bytes,
      String receiptJson,
      String manifestJson) {

    /** The outcome of a delivery that could not run at all. */
    public static Outcome failed(int attempts, String error) {
      return new Outcome("FAILED", attempts, error, null, 0, 0, null, null);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(DueDeliveries.class);

  private final HttpClient http;
  private final URI catalog;
  private final String apiKey;
  private final Runner runner;

  public DueDeliveries(HttpClient http, URI catalog, String apiKey, Runner runner) {
    this.http = http;
    this.catalog = catalog;
    this.apiKey = apiKey;
    this.runner = runner;
  }

  /** One round: every due delivery run and reported; returns how many were run. */
  public int runOnce() {
    List<DueDelivery> due =
        DueDelivery.listFromJson(
            CanonicalJson.read(call("GET", "/api/v1/subscriptions/due", null)));
    for (DueDelivery delivery : due) {
      Outcome outcome;
      try {
        outcome = runner.deliver(delivery);
      } catch (RuntimeException e) {
        // a delivery that cannot even start (bad request, unknown table) is reported, not fatal
        LOG.warn("delivery {} could not run: {}", delivery.deliveryId(), e.toString());
        outcome = Outcome.failed(0, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      call(
          "POST",
          "/api/v1/deliveries/" + delivery.deliveryId() + "/status",
          CanonicalJson.write(statusJson(delivery, outcome)));
    }
    return due.size();
  }

  static Map<String, Object> statusJson(DueDelivery delivery, Outcome outcome) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subscriptionId", delivery.subscriptionId());
    json.put("state", outcome.state());
    json.put("attempts", (long) outcome.attempts());
    json.put("lastError", outcome.lastError());
    json.put("snapshotId", outcome.snapshotId());
    json.put("rows", outcome.rows());
    json.put("bytes", outcome.bytes());
    json.put("receiptJson", outcome.receiptJson());
    json.put("manifestJson", outcome.manifestJson());
    return json;
  }

  private String call(String method, String path, String body) {
    String base = catalog.toString().replaceAll("/+$", "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(1))
            .header("X-API-Key", apiKey)
            .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    try {
      var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("the control plane at " + catalog + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
