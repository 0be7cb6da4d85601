package cn.govdata.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on the loopback interface that answers the alias lookup ({@code GET
 * /_alias/{name}}) as a secured Elasticsearch 8 does, and records the {@code Authorization} header
 * of every request. With a user and password it refuses other credentials with Elasticsearch's 401.
 */
final class FakeElasticsearch implements AutoCloseable {

  static final String INDEX_SUFFIX = "-v20261126";

  private final HttpsServer server;
  private final String expectedAuthorization;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  /** Accepts any request or none. */
  FakeElasticsearch(KeyStore serverKeys) throws Exception {
    this(serverKeys, null);
  }

  /** Accepts only {@code Basic} credentials equal to {@code user:password} (UTF-8). */
  FakeElasticsearch(KeyStore serverKeys, String user, String password) throws Exception {
    this(
        serverKeys,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private FakeElasticsearch(KeyStore serverKeys, String expectedAuthorization) throws Exception {
    this.expectedAuthorization = expectedAuthorization;
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(serverKeys, TestAuthority.PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::answer);
    server.start();
  }

  URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The Authorization header of each request received, in order; "" for none. */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    authorizations.add(authorization == null ? "" : authorization);
    String path = exchange.getRequestURI().getPath();
    if (expectedAuthorization != null && !expectedAuthorization.equals(authorization)) {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
      send(exchange, 401, error("security_exception", "unable to authenticate user", 401));
    } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/_alias/")) {
      String alias = path.substring("/_alias/".length());
      send(
          exchange, 200, "{\"" + alias + INDEX_SUFFIX + "\":{\"aliases\":{\"" + alias + "\":{}}}}");
    } else {
      send(exchange, 400, error("illegal_argument_exception", "not faked: " + path, 400));
    }
  }

  private static String error(String type, String reason, int status) {
    String cause = "{\"type\":\"" + type + "\",\"reason\":\"" + reason + "\"}";
    return "{\"error\":{\"root_cause\":["
        + cause
        + "],\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"},\"status\":"
        + status
        + "}";
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
