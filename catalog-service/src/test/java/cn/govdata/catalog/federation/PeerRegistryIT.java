package cn.govdata.catalog.federation;

import static cn.govdata.catalog.federation.FederationNodes.ADMIN;
import static cn.govdata.catalog.federation.FederationNodes.JSON;
import static cn.govdata.catalog.federation.FederationNodes.peer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.govdata.catalog.federation.FederationNodes.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The province's peer registry: every bad field is named with its rule, nothing of a refused peer
 * is stored, a registered peer lands in the trust store ({@code peers.json}), and only
 * administrators may read or change it.
 */
class PeerRegistryIT extends FederationSupport {

  @Test
  void thePeerRegistryNamesEveryBadFieldAndIsForAdministratorsOnly() throws Exception {
    String key = publicKey(guangzhou);
    Map<String, Object> good = peer("sz-city", "深圳市节点", "440300", "CITY", key);

    assertStatus(call(province, "POST", "/api/v1/federation/peers", good, "prov-cat"), 403);
    assertStatus(call(province, "GET", "/api/v1/federation/peers", null, null), 401);

    assertInvalid(with(good, "nodeId", "Not An Id"), "nodeId", "node-id.format");
    assertInvalid(with(good, "regionCode", "449999"), "regionCode", "region.unknown");
    assertInvalid(with(good, "regionCode", "44030"), "regionCode", "region.format");
    assertInvalid(with(good, "level", "PROVINCE"), "level", "peer.level-mismatch");
    assertInvalid(with(good, "baseUrl", "ftp://example.org"), "baseUrl", "url.format");
    assertInvalid(with(good, "baseUrl", null), "baseUrl", "required");
    assertInvalid(with(good, "exchangeUrl", "not a url"), "exchangeUrl", "url.format");
    assertInvalid(with(good, "publicKey", "c2hvcnQ="), "publicKey", "ed25519-public-key");
    assertInvalid(
        with(
            good, "certificatePem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"),
        "certificatePem",
        "certificate.malformed");
    assertInvalid(
        with(good, "certificatePem", certificate("CN=expired", -400, 30)),
        "certificatePem",
        "certificate.expired");
    assertThat(peerIds()).as("nothing of a refused peer is stored").doesNotContain("sz-city");

    String pem = certificate("CN=sz-city.agent,O=govdata", 0, 365);
    Response created =
        call(
            province, "POST", "/api/v1/federation/peers", with(good, "certificatePem", pem), ADMIN);
    assertStatus(created, 201);
    JsonNode peer = created.json();
    assertThat(peer.path("certificateSubject").asText()).isEqualTo("CN=sz-city.agent,O=govdata");
    assertThat(peer.path("certificateNotAfter").asText())
        .startsWith(LocalDate.now().getYear() + 1 + "");
    assertThat(peer.path("relation").asText()).isEqualTo("BELOW");
    assertInvalid(good, "nodeId", "peer.duplicate");

    JsonNode trustStore = JSON.readTree(province.home().resolve("federation/peers.json").toFile());
    JsonNode entry = null;
    for (JsonNode candidate : trustStore) {
      if (candidate.path("nodeId").asText().equals("sz-city")) {
        entry = candidate;
      }
    }
    assertThat(entry).as("peers.json holds the new peer").isNotNull();
    assertThat(entry.path("region").asText()).isEqualTo("440300");
    assertThat(entry.path("publicKey").asText()).isEqualTo(key);
    assertThat(entry.path("certificatePem").asText()).contains("BEGIN CERTIFICATE");
    assertThat(entry.path("enabled").asBoolean()).isTrue();

    Response disabled =
        call(
            province,
            "PUT",
            "/api/v1/federation/peers/" + peer.path("id").asLong(),
            with(good, "enabled", false),
            ADMIN);
    assertStatus(disabled, 200);
    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    JsonNode rewritten = JSON.readTree(province.home().resolve("federation/peers.json").toFile());
    for (JsonNode candidate : rewritten) {
      if (candidate.path("nodeId").asText().equals("sz-city")) {
        assertThat(candidate.path("enabled").asBoolean()).isFalse();
      }
    }
    assertStatus(
        call(
            province,
            "POST",
            "/api/v1/federation/peers/" + peer.path("id").asLong() + "/harvest",
            null,
            ADMIN),
        409);

    JsonNode audit = call(province, "GET", "/api/v1/audit?action=PEER_UPDATED", null, ADMIN).json();
    assertThat(audit.path("items").findValuesAsText("detail"))
        .anyMatch(detail -> detail.contains("sz-city"));
  }

  List<String> peerIds() {
    return call(province, "GET", "/api/v1/federation/peers", null, ADMIN)
        .json()
        .findValuesAsText("nodeId");
  }

  /** A self-signed PEM certificate valid from {@code startDays} (relative) for {@code days}. */
  static String certificate(String subject, int startDays, int days) throws Exception {
    Path dir = Files.createTempDirectory("federation-it-cert");
    Path store = dir.resolve("store.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> generate =
        new ArrayList<>(
            List.of(
                keytool,
                "-genkeypair",
                "-alias",
                "agent",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                subject,
                "-validity",
                Integer.toString(days),
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-storetype",
                "PKCS12"));
    if (startDays != 0) {
      generate.addAll(List.of("-startdate", (startDays > 0 ? "+" : "") + startDays + "d"));
    }
    runTool(generate);
    Path pem = dir.resolve("agent.pem");
    runTool(
        List.of(
            keytool,
            "-exportcert",
            "-rfc",
            "-alias",
            "agent",
            "-keystore",
            store.toString(),
            "-storepass",
            "changeit",
            "-file",
            pem.toString()));
    return Files.readString(pem);
  }

  static void runTool(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }
}
