package cn.govdata.sql.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.policy.AccessType;
import cn.govdata.sql.Gateway;
import cn.govdata.sql.demo.DemoZone;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.ranger.plugin.util.ServicePolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy source over HTTP, against a stand-in for the catalog's {@code /api/v1/policies/ranger}
 * (the real endpoint is exercised by catalog-service's {@code DataApiGatewayIT}): the key goes in
 * {@code X-API-Key}, an unchanged document is a 304 and keeps the policies in force, and every
 * failure throws so that Ranger keeps what it has; with nothing cached everything is denied.
 */
class CompiledPolicySourceTest {

  private static final String PREFIX = PolicyEnforcer.PREFIX;
  private static final String KEY = "policy-reader-test-key";
  private static final DemoZone.DemoUser POLICE = DemoZone.USERS.get(0);
  private static final Principal OWNER = new Principal(POLICE.name(), POLICE.groups());

  @TempDir Path home;
  private HttpServer catalog;
  private final List<String> seen = new ArrayList<>();
  private volatile int status = 200;
  private volatile byte[] document;
  private final List<PolicyEnforcer> started = new ArrayList<>();

  @BeforeEach
  void startCatalog() throws IOException {
    document = Files.readAllBytes(Gateway.writePolicies(home));
    catalog = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    catalog.createContext(
        "/api/v1/policies/ranger",
        exchange -> {
          String key = exchange.getRequestHeaders().getFirst("X-API-Key");
          String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
          seen.add(key + " " + ifNoneMatch);
          exchange.getResponseHeaders().add("ETag", "\"v1\"");
          if (!KEY.equals(key)) {
            exchange.sendResponseHeaders(401, -1);
          } else if (status == 200 && "\"v1\"".equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
          } else if (status == 200) {
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(document);
            }
          } else {
            exchange.sendResponseHeaders(status, -1);
          }
          exchange.close();
        });
    catalog.start();
  }

  @AfterEach
  void stop() {
    started.forEach(PolicyEnforcer::close);
    catalog.stop(0);
  }

  private URI url() {
    return URI.create(
        "http://127.0.0.1:" + catalog.getAddress().getPort() + "/api/v1/policies/ranger");
  }

  private CompiledPolicySource source(URI url, Map<String, String> environment) {
    Configuration config = new Configuration(false);
    config.set(PREFIX + CompiledPolicySource.URL_KEY, url.toString());
    config.set(PREFIX + CompiledPolicySource.KEY_VARIABLE_KEY, "POLICY_KEY");
    CompiledPolicySource source = new CompiledPolicySource(environment::get);
    source.init(PolicyEnforcer.SERVICE_TYPE, "policy-test", PREFIX, config);
    return source;
  }

  @Test
  void pollsWithTheKeyAndKeepsThePoliciesWhileTheCatalogAnswersNotModified() throws Exception {
    CompiledPolicySource source = source(url(), Map.of("POLICY_KEY", KEY));

    ServicePolicies first = source.getServicePoliciesIfUpdated(-1, 0);
    assertThat(first.getPolicies()).isNotEmpty();
    assertThat(first.getPolicyVersion()).isPositive();
    assertThat(source.getServicePoliciesIfUpdated(first.getPolicyVersion(), 0)).isNull();
    assertThat(seen).containsExactly(KEY + " null", KEY + " \"v1\"");

    // a plugin that lost its policies (another version) gets the whole document again
    ServicePolicies again = source.getServicePoliciesIfUpdated(-1, 0);
    assertThat(again.getPolicies()).hasSameSizeAs(first.getPolicies());
    assertThat(again.getPolicyVersion()).isGreaterThan(first.getPolicyVersion());
    assertThat(seen.get(2)).isEqualTo(KEY + " null");
  }

  @Test
  void everyFailureThrowsSoThePluginKeepsWhatItHas() throws Exception {
    assertThatThrownBy(() -> source(url(), Map.of()).getServicePoliciesIfUpdated(-1, 0))
        .hasMessageContaining("no API key")
        .hasMessageContaining("$POLICY_KEY");
    assertThatThrownBy(
            () -> source(url(), Map.of("POLICY_KEY", "wrong")).getServicePoliciesIfUpdated(-1, 0))
        .hasMessageContaining("answered 401");

    CompiledPolicySource source = source(url(), Map.of("POLICY_KEY", KEY));
    ServicePolicies first = source.getServicePoliciesIfUpdated(-1, 0);
    status = 503;
    assertThatThrownBy(() -> source.getServicePoliciesIfUpdated(first.getPolicyVersion(), 0))
        .hasMessageContaining("answered 503");
    status = 200;
    document = "{\"metaDataInfo\": {}}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> source.getServicePoliciesIfUpdated(-1, 0))
        .hasMessageContaining("no 'policies' array");
    document = "{\"policies\": [{\"name\": \"no id\"}]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> source.getServicePoliciesIfUpdated(-1, 0))
        .hasMessageContaining("lacks id, name or resources");

    assertThatThrownBy(
            () ->
                source(unreachable(), Map.of("POLICY_KEY", KEY)).getServicePoliciesIfUpdated(-1, 0))
        .isInstanceOf(IOException.class);
  }

  @Test
  void anUnreachableCatalogWithNoCacheDeniesEverything() throws Exception {
    PolicyEnforcer enforcer = enforcer(unreachable(), home.resolve("empty-cache"));
    assertThat(enforcer.hasPolicies()).isFalse();
    assertThat(
            enforcer.mayAccessColumn(OWNER, "population", "person", "id_number", AccessType.SELECT))
        .isFalse();
    assertThat(enforcer.rowFilter(OWNER, "population", "person", AccessType.SELECT))
        .contains("false");
  }

  @Test
  void anUnreachableCatalogFallsBackToThePoliciesCachedFromItsLastAnswer() throws Exception {
    Path cache = home.resolve("cache");
    PolicyEnforcer file =
        PolicyEnforcer.start(
            Gateway.writePolicies(home),
            cache,
            "sql-gateway",
            new JsonLinesAudit(home.resolve("audit.jsonl")));
    started.add(file);
    assertThat(file.hasPolicies()).isTrue();
    boolean allowed =
        file.mayAccessColumn(OWNER, "population", "person", "id_number", AccessType.SELECT);

    PolicyEnforcer fromUrl = enforcer(unreachable(), cache);
    assertThat(fromUrl.hasPolicies()).isTrue();
    assertThat(
            fromUrl.mayAccessColumn(OWNER, "population", "person", "id_number", AccessType.SELECT))
        .isEqualTo(allowed)
        .isTrue();
  }

  private PolicyEnforcer enforcer(URI url, Path cache) {
    PolicyEnforcer enforcer =
        PolicyEnforcer.startFromUrl(
            url,
            "GOVDATA_TEST_VARIABLE_THAT_IS_NOT_SET",
            cache,
            "sql-gateway",
            new JsonLinesAudit(home.resolve("audit.jsonl")));
    started.add(enforcer);
    return enforcer;
  }

  private static URI unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/api/v1/policies/ranger");
  }
}
