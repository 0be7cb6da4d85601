package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.CanonicalJson;
import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.DeliveryReceiver;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import cn.govdata.pipelines.delivery.Faults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * The sending side of a delivery to another node: uploads the staged files to the peer's exchange
 * agent over mutual TLS, skipping those the peer already holds whole (a resumed delivery sends only
 * what is missing), posts the signed manifest and returns the peer's signed receipt, which it also
 * keeps beside the staged files ({@code receipt.json}). A refusal by the peer (a checksum that does
 * not match, a signature that does not verify) and an unreachable peer are thrown, so that the
 * {@link cn.govdata.pipelines.delivery.Deliverer} retries and finally reports them.
 */
public final class PeerNodeReceiver implements DeliveryReceiver {

  /** Thrown when the peer answers with an error; the message carries its problem detail. */
  public static final class PeerRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PeerRefusedException(String message) {
      super(message);
    }
  }

  /** Files of one delivery in flight at once. */
  static final int PARALLEL_UPLOADS = 3;

  private static final int UPLOAD_BUFFER = 1 << 18;

  private final PeerNode target;
  private final NodeTls tls;
  private final Faults faults;
  private final Duration timeout;

  public PeerNodeReceiver(PeerNode target, NodeTls tls, Faults faults, Duration timeout) {
    this.target = target;
    this.tls = tls;
    this.faults = faults;
    this.timeout = timeout;
  }

  @Override
  public String nodeId() {
    return target.peerNodeId();
  }

  @Override
  public PublicKey publicKey() {
    return tls.peers()
        .find(target.peerNodeId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "peer " + target.peerNodeId() + " is not in the peer registry"))
        .publicKey();
  }

  @Override
  public Signed<Receipt> receive(Signed<DeliveryManifest> signed) {
    DeliveryManifest manifest = signed.document();
    Path directory = target.staging().directory().resolve(manifest.deliveryId());
    SSLContext context = tls.clientContext(target.peerNodeId());
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(context)
            .connectTimeout(timeout)
            .build();
    String base = deliveryUrl(manifest.deliveryId());
    try {
      Map<String, Object> state =
          CanonicalJson.readObject(send(client, HttpRequest.newBuilder(URI.create(base)).GET()));
      if (!"RECEIVED".equals(state.get("state"))) {
        Map<String, String> held = new HashMap<>();
        for (Object entry : (List<?>) state.get("files")) {
          Map<?, ?> file = (Map<?, ?>) entry;
          held.put((String) file.get("name"), file.get("bytes") + " " + file.get("sha256"));
        }
        List<ManifestFile> missing =
            manifest.files().stream()
                .filter(f -> !(f.bytes() + " " + f.sha256()).equals(held.get(f.path())))
                .toList();
        uploadAll(context.getSocketFactory(), base, directory, missing);
      }
      String answer =
          send(
              client,
              HttpRequest.newBuilder(URI.create(base + "/manifest"))
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofString(signed.toJsonText(), StandardCharsets.UTF_8)));
      Signed<Receipt> receipt = Signed.parse(answer, Receipt::fromJson);
      Files.writeString(directory.resolve(ExchangeAgent.RECEIPT), answer, StandardCharsets.UTF_8);
      return receipt;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "peer " + target.peerNodeId() + " at " + target.exchangeUrl() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering", e);
    }
  }

  /**
   * Uploads the files side by side, {@value #PARALLEL_UPLOADS} at a time, each on its own
   * connection, so that one file's encryption and the peer's hashing of another overlap. The first
   * failure is thrown once every upload has ended; the files that did arrive whole stay with the
   * peer, and a retry sends only the rest.
   */
  private void uploadAll(
      SSLSocketFactory sockets, String base, Path directory, List<ManifestFile> files)
      throws IOException, InterruptedException {
    if (files.isEmpty()) {
      return;
    }
    ExecutorService uploads =
        Executors.newFixedThreadPool(
            Math.min(PARALLEL_UPLOADS, files.size()),
            runnable -> {
              Thread thread = new Thread(runnable, "upload-" + target.peerNodeId());
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (ManifestFile file : files) {
        running.add(
            uploads.submit(
                () -> {
                  upload(sockets, base, directory, file);
                  return null;
                }));
      }
      Throwable first = null;
      for (Future<Void> upload : running) {
        try {
          upload.get();
        } catch (ExecutionException e) {
          first = first == null ? e.getCause() : first;
        }
      }
      if (first instanceof IOException io) {
        throw io;
      } else if (first instanceof InterruptedException interrupted) {
        throw interrupted;
      } else if (first instanceof RuntimeException runtime) {
        throw runtime;
      } else if (first != null) {
        throw new IllegalStateException("upload failed: " + first, first);
      }
    } finally {
      uploads.shutdownNow();
    }
  }

  /**
   * PUTs one file, streamed from disk over a blocking TLS socket of its own ({@link
   * HttpsURLConnection}), through the test's {@link Faults} when there are any: the same path in
   * production and in the fault tests.
   */
  private void upload(SSLSocketFactory sockets, String base, Path directory, ManifestFile file)
      throws IOException {
    URI uri = URI.create(base + "/files/" + URLEncoder.encode(file.path(), StandardCharsets.UTF_8));
    HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
    connection.setSSLSocketFactory(sockets);
    connection.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    connection.setRequestMethod("PUT");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(file.bytes());
    connection.setRequestProperty(ExchangeAgent.SHA256_HEADER, file.sha256());
    connection.setRequestProperty("Content-Type", "application/octet-stream");
    try (InputStream in = faults.inTransit(file.path(), open(directory.resolve(file.path())));
        OutputStream out = connection.getOutputStream()) {
      byte[] buffer = new byte[UPLOAD_BUFFER];
      for (int read; (read = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, read);
      }
    }
    int status = connection.getResponseCode();
    if (status / 100 != 2) {
      String body;
      try (InputStream error = connection.getErrorStream()) {
        body = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
      }
      throw refused(status, "PUT", uri.getPath(), body);
    }
    try (InputStream answer = connection.getInputStream()) {
      answer.readAllBytes(); // read to the end, so that the connection can be kept alive
    }
  }

  private static InputStream open(Path path) {
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read staged file " + path, e);
    }
  }

  private String send(HttpClient client, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(
            request.timeout(timeout).build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw refused(
          response.statusCode(),
          response.request().method(),
          response.uri().getPath(),
          response.body());
    }
    return response.body();
  }

  private PeerRefusedException refused(int status, String method, String path, String body) {
    return new PeerRefusedException(
        "peer "
            + target.peerNodeId()
            + " answered "
            + status
            + " to "
            + method
            + " "
            + path
            + ": "
            + body);
  }

  private String deliveryUrl(String deliveryId) {
    String url = target.exchangeUrl().toString();
    return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        + ExchangeAgent.PREFIX
        + deliveryId;
  }
}
