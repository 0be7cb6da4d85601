package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.pipelines.exchange.NodeCertificates.Authority;
import cn.govdata.pipelines.exchange.NodeCertificates.NodeCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two nodes on loopback, a province ({@code gd-province}) and a city ({@code fs-city}), each with
 * its home, node key, certificate from the zone's CA, peers file and running exchange agent. Also
 * made: a certificate of another CA with the province's name, and an expired certificate of the
 * zone's CA registered at the city for {@code zq-city}.
 */
final class TwoNodes implements AutoCloseable {

  static final String PROVINCE = "gd-province";
  static final String CITY = "fs-city";
  static final String EXPIRED = "zq-city";
  static final String PASSWORD = "changeit";

  final Path root;
  final NodeHome provinceHome;
  final NodeHome cityHome;
  final NodeKey provinceKey;
  final NodeKey cityKey;
  final NodeCertificate provinceCertificate;
  final NodeCertificate cityCertificate;
  final NodeCertificate expiredCertificate;
  final NodeCertificate foreignCertificate;
  final ExchangeLog provinceInbound;
  final ExchangeLog cityInbound;
  final ExchangeAgent provinceAgent;
  final ExchangeAgent cityAgent;
  final NodeTls provinceTls;

  TwoNodes(Path parent) throws IOException {
    root = Files.createDirectories(parent.resolve(UUID.randomUUID().toString()));
    Path certificates = Files.createDirectories(root.resolve("certificates"));
    Authority zone = NodeCertificates.authority(certificates, "gd-zone", PASSWORD);
    provinceCertificate = NodeCertificates.node(zone, certificates, PROVINCE);
    cityCertificate = NodeCertificates.node(zone, certificates, CITY);
    expiredCertificate = NodeCertificates.node(zone, certificates, EXPIRED, "-10d", 2);
    Path foreign = Files.createDirectories(certificates.resolve("foreign"));
    Authority other = NodeCertificates.authority(foreign, "other", PASSWORD);
    foreignCertificate = NodeCertificates.node(other, foreign, PROVINCE);

    provinceHome = new NodeHome(root.resolve("province"));
    cityHome = new NodeHome(root.resolve("city"));
    provinceKey = provinceHome.nodeKey(PROVINCE);
    cityKey = cityHome.nodeKey(CITY);
    provinceInbound = ExchangeLog.open(provinceHome.inboundLog(), provinceKey, Clock.systemUTC());
    cityInbound = ExchangeLog.open(cityHome.inboundLog(), cityKey, Clock.systemUTC());
    // the agents start before the peers files are complete: each needs the other's port
    writePeers(provinceHome, List.of());
    writePeers(cityHome, List.of());
    provinceTls = tls(provinceCertificate, provinceHome);
    provinceAgent =
        new ExchangeAgent(
                provinceKey,
                provinceTls,
                provinceInbound,
                provinceHome.directory(),
                Clock.systemUTC())
            .start(new InetSocketAddress("127.0.0.1", 0));
    cityAgent =
        new ExchangeAgent(
                cityKey,
                tls(cityCertificate, cityHome),
                cityInbound,
                cityHome.directory(),
                Clock.systemUTC())
            .start(new InetSocketAddress("127.0.0.1", 0));
    writePeers(
        provinceHome,
        List.of(peer(CITY, "440600", "CITY", cityUrl(), cityKey.publicKeyText(), cityCertificate)));
    writePeers(
        cityHome,
        List.of(
            peer(
                PROVINCE,
                "440000",
                "PROVINCE",
                provinceUrl(),
                provinceKey.publicKeyText(),
                provinceCertificate),
            peer(
                EXPIRED,
                "441200",
                "CITY",
                URI.create("https://127.0.0.1:9"),
                NodeKey.generate(EXPIRED).publicKeyText(),
                expiredCertificate)));
  }

  URI cityUrl() {
    return URI.create("https://127.0.0.1:" + cityAgent.port());
  }

  URI provinceUrl() {
    return URI.create("https://127.0.0.1:" + provinceAgent.port());
  }

  /** A node's TLS over {@code home}'s peers file. */
  static NodeTls tls(NodeCertificate certificate, NodeHome home) {
    return NodeTls.load(
        certificate.keystore(),
        PASSWORD.toCharArray(),
        new PeerRegistry(home.peers()),
        Clock.systemUTC());
  }

  static Map<String, Object> peer(
      String nodeId,
      String region,
      String level,
      URI url,
      String publicKey,
      NodeCertificate certificate) {
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("nodeId", nodeId);
    peer.put("region", region);
    peer.put("level", level);
    peer.put("exchangeUrl", url.toString());
    peer.put("publicKey", publicKey);
    peer.put("certificatePem", certificate.certificatePem());
    peer.put("enabled", true);
    return peer;
  }

  static void writePeers(NodeHome home, List<Map<String, Object>> peers) {
    try {
      Files.createDirectories(home.peers().getParent());
      Path temporary = home.peers().resolveSibling("peers.json.tmp");
      Files.writeString(temporary, CanonicalJson.write(peers));
      Files.move(
          temporary,
          home.peers(),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entries of an exchange log file, as JSON objects. */
  static List<Map<String, Object>> entries(Path log) throws IOException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      entries.add(CanonicalJson.readObject(line));
    }
    return entries;
  }

  static List<Map<String, Object>> entries(Path log, String kind) throws IOException {
    return entries(log).stream().filter(e -> kind.equals(e.get("kind"))).toList();
  }

  @Override
  public void close() {
    provinceAgent.close();
    cityAgent.close();
    provinceInbound.close();
    cityInbound.close();
  }
}
