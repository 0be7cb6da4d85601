package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.IntegrityException;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Sha256;
import cn.govdata.governance.exchange.Signed;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange agent (前置交换节点): the data plane of a node. It receives deliveries from registered
 * peers over HTTPS with mutual TLS and answers each with its signed receipt. The protocol, per
 * delivery and per sending peer (a peer sees and touches only its own deliveries):
 *
 * <ul>
 *   <li>{@code GET /exchange/v1/deliveries/{id}}: the state ({@code NEW}, {@code RECEIVING}, {@code
 *       RECEIVED}) and the files already received whole, with size and SHA-256, so that a resumed
 *       sender skips them; the signed receipt once received.
 *   <li>{@code PUT /exchange/v1/deliveries/{id}/files/{name}} with header {@value #SHA256_HEADER}:
 *       the file's bytes, streamed to disk and hashed on the way; kept only when whole and matching
 *       the announced SHA-256, otherwise discarded and answered 422 naming the file. The files of a
 *       delivery may arrive side by side, each on its own connection.
 *   <li>{@code POST /exchange/v1/deliveries/{id}/manifest}: the signed {@link DeliveryManifest}.
 *       The agent verifies the signature with the peer's registered key and every file's size and
 *       SHA-256, moves the delivery into {@code received/<peer>/<id>/} in one rename, and answers
 *       its signed {@link Receipt}. Posting the same manifest again answers the same receipt: a
 *       delivery is stored once.
 * </ul>
 *
 * Every step and every refused certificate is appended to the agent's exchange log.
 */
public final class ExchangeAgent implements AutoCloseable {

  static final String PREFIX = "/exchange/v1/deliveries/";
  static final String SHA256_HEADER = "X-Govdata-Sha256";
  static final String MANIFEST = "manifest.json";
  static final String RECEIPT = "receipt.json";
  private static final String CHECKS = ".checks";
  private static final String PARTIAL = ".partial";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final int MANIFEST_LIMIT = 16 << 20;
  private static final int FILE_LOCKS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeAgent.class);

  private final NodeKey key;
  private final NodeTls tls;
  private final ExchangeLog log;
  private final Path incoming;
  private final Path received;
  private final Clock clock;
  private final Map<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

  /**
   * One file is never received twice at once; a fixed set of locks chosen by the file's key, so
   * that nothing accumulates per file (two files share a lock only rarely, and then one waits).
   */
  private final Lock[] fileLocks = new Lock[FILE_LOCKS];

  private HttpsServer server;
  private ExecutorService executor;

  /**
   * @param home the node's home; deliveries go under {@code home/exchange/}
   */
  public ExchangeAgent(NodeKey key, NodeTls tls, ExchangeLog log, Path home, Clock clock) {
    this.key = key;
    this.tls = tls;
    this.log = log;
    this.incoming = home.resolve("exchange").resolve("incoming");
    this.received = home.resolve("exchange").resolve("received");
    this.clock = clock;
    Arrays.setAll(fileLocks, i -> new ReentrantLock());
  }

  /** Where an accepted delivery lies: its files, {@code manifest.json} and {@code receipt.json}. */
  public static Path receivedDirectory(Path home, String senderNode, String deliveryId) {
    return home.resolve("exchange").resolve("received").resolve(senderNode).resolve(deliveryId);
  }

  /** Starts listening; port 0 picks a free one ({@link #port()}). */
  public ExchangeAgent start(InetSocketAddress address) {
    try {
      Files.createDirectories(incoming);
      Files.createDirectories(received);
      SSLContext context = tls.serverContext(this::refused);
      server = HttpsServer.create(address, 64);
      server.setHttpsConfigurator(
          new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
              SSLParameters parameters = context.getDefaultSSLParameters();
              parameters.setNeedClientAuth(true);
              params.setSSLParameters(parameters);
            }
          });
      server.createContext(PREFIX, this::handle);
      executor =
          Executors.newFixedThreadPool(
              8,
              runnable -> {
                Thread thread = new Thread(runnable, "exchange-agent");
                thread.setDaemon(true);
                return thread;
              });
      server.setExecutor(executor);
      server.start();
      LOG.info("exchange agent of {} listening on {}", key.nodeId(), server.getAddress());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void refused(String subject, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("reason", reason);
    log.append("peer.refused", shorten(subject, 256), data);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Optional<Peer> peer = authenticate(exchange);
      if (peer.isEmpty()) {
        problem(exchange, 403, "peer.refused", "not a registered, enabled peer", null);
        return;
      }
      String[] parts = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/", -1);
      String method = exchange.getRequestMethod();
      if (!ID.matcher(parts[0]).matches()) {
        problem(exchange, 400, "delivery-id.format", "bad delivery id", null);
        return;
      }
      String sender = peer.get().nodeId();
      String deliveryId = parts[0];
      ReadWriteLock lock =
          locks.computeIfAbsent(sender + "/" + deliveryId, k -> new ReentrantReadWriteLock());
      if (parts.length == 3 && parts[1].equals("files") && method.equals("PUT")) {
        // the files of one delivery stream in side by side; the same file never twice at once
        Lock fileLock =
            fileLocks[
                Math.floorMod((sender + "/" + deliveryId + "/" + parts[2]).hashCode(), FILE_LOCKS)];
        lock.readLock().lock();
        fileLock.lock();
        try {
          file(exchange, sender, deliveryId, parts[2]);
        } finally {
          fileLock.unlock();
          lock.readLock().unlock();
        }
        return;
      }
      lock.writeLock().lock();
      try {
        if (parts.length == 1 && method.equals("GET")) {
          state(exchange, sender, deliveryId);
        } else if (parts.length == 2 && parts[1].equals("manifest") && method.equals("POST")) {
          manifest(exchange, peer.get(), deliveryId);
        } else {
          problem(exchange, 404, "not-found", method + " " + exchange.getRequestURI(), null);
        }
      } finally {
        lock.writeLock().unlock();
      }
    } catch (RuntimeException e) {
      LOG.warn("exchange request failed", e);
      problem(exchange, 500, "internal", String.valueOf(e.getMessage()), null);
    }
  }

  /**
   * The peer behind the connection. The handshake already refused unknown certificates; this checks
   * again, since the registry may have changed while the connection stayed open.
   */
  private Optional<Peer> authenticate(HttpExchange exchange) {
    if (!(exchange instanceof HttpsExchange https)) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = https.getSSLSession().getPeerCertificates();
      X509Certificate[] certificates = new X509Certificate[chain.length];
      for (int i = 0; i < chain.length; i++) {
        certificates[i] = (X509Certificate) chain[i];
      }
      return Optional.of(
          new PeerTrustManager(tls.peers(), clock, this::refused, null).check(certificates));
    } catch (SSLPeerUnverifiedException | CertificateException e) {
      return Optional.empty();
    }
  }

  private void state(HttpExchange exchange, String sender, String deliveryId) throws IOException {
    Path done = received.resolve(sender).resolve(deliveryId);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deliveryId", deliveryId);
    if (Files.exists(done.resolve(RECEIPT))) {
      json.put("state", "RECEIVED");
      json.put("files", List.of());
      json.put("receipt", Files.readString(done.resolve(RECEIPT), StandardCharsets.UTF_8));
    } else {
      Path directory = incoming.resolve(sender).resolve(deliveryId);
      List<Map<String, Object>> files = new ArrayList<>();
      for (ManifestFile file : receivedFiles(directory)) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", file.path());
        entry.put("bytes", file.bytes());
        entry.put("sha256", file.sha256());
        files.add(entry);
      }
      json.put("state", Files.isDirectory(directory) ? "RECEIVING" : "NEW");
      json.put("files", files);
      json.put("receipt", null);
    }
    respond(exchange, 200, "application/json", CanonicalJson.write(json));
  }

  private void file(HttpExchange exchange, String sender, String deliveryId, String name)
      throws IOException {
    if (!ID.matcher(name).matches()
        || name.endsWith(PARTIAL)
        || name.equals(MANIFEST)
        || name.equals(RECEIPT)) {
      problem(exchange, 400, "file-name.format", "bad file name '" + name + "'", name);
      return;
    }
    if (Files.exists(received.resolve(sender).resolve(deliveryId))) {
      problem(exchange, 409, "delivery.already-received", "delivery already received", name);
      return;
    }
    String expected = exchange.getRequestHeaders().getFirst(SHA256_HEADER);
    if (!Sha256.isHex(expected)) {
      problem(
          exchange, 400, "sha256.required", SHA256_HEADER + " must be the file's SHA-256", name);
      return;
    }
    Path directory = incoming.resolve(sender).resolve(deliveryId);
    Files.createDirectories(directory.resolve(CHECKS));
    Path partial = directory.resolve(name + PARTIAL);
    Sha256.FileDigest digest;
    try (InputStream in = exchange.getRequestBody();
        OutputStream out = Files.newOutputStream(partial)) {
      digest = Sha256.copy(in, out);
    } catch (IOException e) {
      // the sender went away mid-file: nothing of this file is kept
      Files.deleteIfExists(partial);
      LOG.info("delivery {} from {}: {} cut short: {}", deliveryId, sender, name, e.getMessage());
      throw e;
    }
    if (!digest.sha256().equals(expected)) {
      Files.delete(partial);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sender", sender);
      data.put("file", name);
      data.put("expectedSha256", expected);
      data.put("sha256", digest.sha256());
      data.put("bytes", digest.bytes());
      log.append("delivery.file-rejected", deliveryId, data);
      problem(
          exchange,
          422,
          "file.checksum",
          "file " + name + " arrived with SHA-256 " + digest.sha256() + ", expected " + expected,
          name);
      return;
    }
    Files.writeString(
        directory.resolve(CHECKS).resolve(name), digest.bytes() + " " + digest.sha256());
    Files.move(
        partial,
        directory.resolve(name),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sender", sender);
    data.put("file", name);
    data.put("bytes", digest.bytes());
    data.put("sha256", digest.sha256());
    log.append("delivery.file-received", deliveryId, data);
    respond(exchange, 201, "application/json", CanonicalJson.write(data));
  }

  private void manifest(HttpExchange exchange, Peer peer, String deliveryId) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MANIFEST_LIMIT + 1);
    }
    if (body.length > MANIFEST_LIMIT) {
      problem(exchange, 413, "manifest.too-large", "a manifest is at most 16 MiB", null);
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    Signed<DeliveryManifest> signed;
    try {
      signed = Signed.parse(text, DeliveryManifest::fromJson);
    } catch (IllegalArgumentException e) {
      problem(
          exchange, 400, "manifest.malformed", "not a signed manifest: " + e.getMessage(), null);
      return;
    }
    DeliveryManifest manifest = signed.document();
    String sender = peer.nodeId();
    String mismatch =
        !manifest.deliveryId().equals(deliveryId)
            ? "the manifest is for delivery " + manifest.deliveryId()
            : !manifest.senderNode().equals(sender) || !signed.signer().equals(sender)
                ? "the manifest names sender "
                    + manifest.senderNode()
                    + ", the connection is "
                    + sender
                : !manifest.receiverNode().equals(key.nodeId())
                    ? "the manifest is for node " + manifest.receiverNode()
                    : null;
    if (mismatch != null) {
      problem(exchange, 409, "manifest.mismatch", mismatch, null);
      return;
    }
    Path done = received.resolve(sender).resolve(deliveryId);
    if (Files.exists(done.resolve(RECEIPT))) {
      Signed<DeliveryManifest> stored =
          Signed.parse(Files.readString(done.resolve(MANIFEST)), DeliveryManifest::fromJson);
      if (!stored.document().sha256().equals(manifest.sha256())) {
        problem(
            exchange,
            409,
            "delivery.already-received",
            "delivery " + deliveryId + " was received with another manifest",
            null);
        return;
      }
      respond(exchange, 200, "application/json", Files.readString(done.resolve(RECEIPT)));
      return;
    }
    Path directory = incoming.resolve(sender).resolve(deliveryId);
    try {
      signed.verifiedWith(peer.publicKey());
      verifyReceived(directory, manifest);
    } catch (IntegrityException e) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sender", sender);
      data.put("manifestSha256", manifest.sha256());
      data.put("reason", shorten(e.getMessage(), 500));
      log.append("delivery.rejected", deliveryId, data);
      problem(exchange, 422, "delivery.integrity", e.getMessage(), e.subject());
      return;
    }
    Signed<Receipt> receipt = Signed.sign(Receipt.accepting(manifest, clock.instant()), key);
    Files.writeString(directory.resolve(MANIFEST), text, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(RECEIPT), receipt.toJsonText(), StandardCharsets.UTF_8);
    Files.createDirectories(done.getParent());
    // one rename: the delivery is in place whole, or not at all
    Files.move(directory, done, StandardCopyOption.ATOMIC_MOVE);
    deleteFlat(done.resolve(CHECKS));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sender", sender);
    data.put("manifestSha256", manifest.sha256());
    data.put("resource", manifest.resourceCode().toString());
    data.put("rows", manifest.rowCount());
    data.put("bytes", manifest.bytes());
    data.put("files", (long) manifest.files().size());
    log.append("delivery.received", deliveryId, data);
    respond(exchange, 200, "application/json", receipt.toJsonText());
  }

  /**
   * Every manifest file was received whole with the manifest's size and SHA-256, as recorded when
   * it was streamed in; a file that differs is deleted so that a retry sends it again.
   */
  private static void verifyReceived(Path directory, DeliveryManifest manifest) throws IOException {
    Map<String, ManifestFile> have = new LinkedHashMap<>();
    for (ManifestFile file : receivedFiles(directory)) {
      have.put(file.path(), file);
    }
    for (ManifestFile file : manifest.files()) {
      ManifestFile got = have.get(file.path());
      if (got == null) {
        throw new IntegrityException(file.path(), "file " + file.path() + " was not received");
      }
      if (got.bytes() != file.bytes() || !got.sha256().equals(file.sha256())) {
        Files.deleteIfExists(directory.resolve(file.path()));
        Files.deleteIfExists(directory.resolve(CHECKS).resolve(file.path()));
        throw new IntegrityException(
            file.path(),
            "file "
                + file.path()
                + " arrived with "
                + got.bytes()
                + " bytes, SHA-256 "
                + got.sha256()
                + "; the manifest says "
                + file.bytes()
                + " bytes, "
                + file.sha256()
                + " (corrupted)");
      }
    }
  }

  /** The files of a delivery in progress received whole, as recorded when each was streamed. */
  private static List<ManifestFile> receivedFiles(Path directory) throws IOException {
    Path checks = directory.resolve(CHECKS);
    if (!Files.isDirectory(checks)) {
      return List.of();
    }
    List<ManifestFile> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(checks)) {
      for (Path check : listed.sorted().toList()) {
        String name = check.getFileName().toString();
        if (!Files.isRegularFile(directory.resolve(name))) {
          continue;
        }
        String[] recorded = Files.readString(check).strip().split(" ");
        files.add(new ManifestFile(name, Long.parseLong(recorded[0]), recorded[1]));
      }
    }
    return files;
  }

  private static void problem(
      HttpExchange exchange, int status, String code, String detail, String file)
      throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", "urn:govdata:exchange:" + code);
    json.put("title", code);
    json.put("status", (long) status);
    json.put("detail", detail);
    if (file != null) {
      json.put("file", file);
    }
    respond(exchange, status, "application/problem+json", CanonicalJson.write(json));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Deletes a directory of plain files. */
  private static void deleteFlat(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(directory);
    }
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
