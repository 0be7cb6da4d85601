package cn.govdata.catalog.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a peer's whole directory through its CKAN Action API: {@code package_search} page by page
 * ({@code rows}, {@code start}), in a stable order. Any answer that is not a successful CKAN
 * envelope is a {@link HarvestException} saying what was wrong.
 */
final class CkanDirectoryClient {

  private final HttpClient http;
  private final ObjectMapper json;
  private final Duration timeout;
  private final int pageSize;

  CkanDirectoryClient(ObjectMapper json, Duration timeout, int pageSize) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.json = json;
    this.timeout = timeout;
    this.pageSize = pageSize;
  }

  /** The peer's packages by id, each the package dictionary as the peer sent it. */
  Map<String, JsonNode> packages(String baseUrl) {
    Map<String, JsonNode> packages = new LinkedHashMap<>();
    int start = 0;
    long count = Long.MAX_VALUE;
    while (start < count) {
      JsonNode result = page(baseUrl, start);
      count = result.path("count").asLong(-1);
      JsonNode results = result.path("results");
      if (count < 0 || !results.isArray()) {
        throw new HarvestException("package_search answered without count and results");
      }
      if (results.isEmpty()) {
        break;
      }
      for (JsonNode dict : results) {
        String id = dict.path("id").asText("");
        if (id.isEmpty()) {
          throw new HarvestException("package_search answered a package without an id");
        }
        packages.put(id, dict);
      }
      start += pageSize;
    }
    return packages;
  }

  private JsonNode page(String baseUrl, int start) {
    URI uri =
        URI.create(
            baseUrl
                + "/api/3/action/package_search?sort=metadata_modified%20desc&rows="
                + pageSize
                + "&start="
                + start);
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(timeout)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new HarvestException(uri + " did not answer within " + timeout);
    } catch (IOException e) {
      throw new HarvestException("cannot reach " + uri + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarvestException("interrupted while asking " + uri);
    }
    JsonNode envelope;
    try {
      envelope = json.readTree(response.body());
    } catch (JsonProcessingException e) {
      envelope = null;
    }
    if (envelope == null || !envelope.isObject()) {
      throw new HarvestException(
          uri + " answered HTTP " + response.statusCode() + " that is not JSON: " + head(response));
    }
    if (!envelope.path("success").asBoolean(false)) {
      JsonNode error = envelope.path("error");
      throw new HarvestException(
          "CKAN error from "
              + uri
              + " (HTTP "
              + response.statusCode()
              + "): "
              + error.path("__type").asText("no __type")
              + ": "
              + error.path("message").asText("no message"));
    }
    return envelope.path("result");
  }

  private static String head(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    return "'" + (body.length() > 80 ? body.substring(0, 80) + "…" : body) + "'";
  }

  /** The peer's answer was unusable; the message says how. */
  static final class HarvestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HarvestException(String message) {
      super(message);
    }
  }
}
