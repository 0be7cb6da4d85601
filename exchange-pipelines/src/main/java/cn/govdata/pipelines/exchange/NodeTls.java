package cn.govdata.pipelines.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A node's TLS identity: the key and certificate in its PKCS12 keystore, presented both by its
 * exchange agent (server) and by its deliveries (client), with trust decided by the peer registry
 * ({@link PeerTrustManager}).
 */
public final class NodeTls {

  private final KeyStore keyStore;
  private final char[] password;
  private final PeerRegistry peers;
  private final Clock clock;

  private NodeTls(KeyStore keyStore, char[] password, PeerRegistry peers, Clock clock) {
    this.keyStore = keyStore;
    this.password = password;
    this.peers = peers;
    this.clock = clock;
  }

  /** Loads the PKCS12 keystore holding exactly one key entry: the node's key and certificate. */
  public static NodeTls load(Path keystore, char[] password, PeerRegistry peers, Clock clock) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      if (Collections.list(store.aliases()).stream().noneMatch(a -> isKey(store, a))) {
        throw new IllegalArgumentException(keystore + " holds no private key entry");
      }
      return new NodeTls(store, password.clone(), peers, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keystore " + keystore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot open keystore " + keystore + ": " + e, e);
    }
  }

  /** The node's own certificate, whose CN is the node id. */
  public X509Certificate certificate() {
    try {
      for (String alias : Collections.list(keyStore.aliases())) {
        if (isKey(keyStore, alias)) {
          return (X509Certificate) keyStore.getCertificate(alias);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no key entry");
  }

  public PeerRegistry peers() {
    return peers;
  }

  /** For the agent: any enabled peer may connect; refusals are reported. */
  SSLContext serverContext(PeerTrustManager.Refusals refusals) {
    return context(new PeerTrustManager(peers, clock, refusals, null));
  }

  /** For a delivery to {@code peerNodeId}: only that peer's registered certificate is trusted. */
  public SSLContext clientContext(String peerNodeId) {
    return context(new PeerTrustManager(peers, clock, PeerTrustManager.Refusals.NONE, peerNodeId));
  }

  private SSLContext context(TrustManager trust) {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
