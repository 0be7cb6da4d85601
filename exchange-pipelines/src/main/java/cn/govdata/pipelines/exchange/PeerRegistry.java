package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.CanonicalJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers this node trusts, read from the {@code peers.json} the control plane writes ({@code
 * ${home}/federation/peers.json}) and read again whenever the file changes, so that a peer the
 * control plane disables is refused from the next connection on. A file that does not parse keeps
 * the last good registry (and says so in the log) rather than trusting nobody or everybody.
 */
public final class PeerRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(PeerRegistry.class);

  private final Path file;
  private List<Peer> peers = List.of();
  private FileTime readAt;
  private long readSize = -1;

  public PeerRegistry(Path file) {
    this.file = file;
    peers = read(file);
    remember();
  }

  /** The registered peers, reloaded first if the file changed. */
  public synchronized List<Peer> peers() {
    try {
      if (!Files.getLastModifiedTime(file).equals(readAt) || Files.size(file) != readSize) {
        try {
          peers = read(file);
        } catch (RuntimeException e) {
          LOG.warn("keeping the last good peers: {} does not read: {}", file, e.getMessage());
        }
        remember();
      }
    } catch (IOException e) {
      LOG.warn("keeping the last good peers: {}: {}", file, e.getMessage());
    }
    return peers;
  }

  /** The peer with this node id, enabled or not. */
  public Optional<Peer> find(String nodeId) {
    return peers().stream().filter(p -> p.nodeId().equals(nodeId)).findFirst();
  }

  /** The peer whose registered certificate is exactly {@code certificate}. */
  public Optional<Peer> byCertificate(X509Certificate certificate) {
    byte[] encoded = encoded(certificate);
    return peers().stream()
        .filter(p -> p.certificate() != null && Arrays.equals(encoded(p.certificate()), encoded))
        .findFirst();
  }

  private void remember() {
    try {
      readAt = Files.getLastModifiedTime(file);
      readSize = Files.size(file);
    } catch (IOException e) {
      readAt = null;
    }
  }

  static List<Peer> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the peers file " + file, e);
    }
    if (!(CanonicalJson.read(text) instanceof List<?> list)) {
      throw new IllegalArgumentException(file + " must hold a JSON array of peers");
    }
    List<Peer> peers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> object)) {
        throw new IllegalArgumentException(file + ": peers[" + i + "] is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) object;
      peers.add(Peer.fromJson(json, i));
    }
    return List.copyOf(peers);
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate encodes", e);
    }
  }
}
