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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(tls.clientContext(target.peerNodeId()))
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
        for (ManifestFile file : manifest.files()) {
          if (!(file.bytes() + " " + file.sha256()).equals(held.get(file.path()))) {
            upload(client, base, directory, file);
          }
        }
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

  private void upload(HttpClient client, String base, Path directory, ManifestFile file)
      throws IOException, InterruptedException {
    Path path = directory.resolve(file.path());
    send(
        client,
        HttpRequest.newBuilder(
                URI.create(
                    base + "/files/" + URLEncoder.encode(file.path(), StandardCharsets.UTF_8)))
            .header(ExchangeAgent.SHA256_HEADER, file.sha256())
            .header("Content-Type", "application/octet-stream")
            .PUT(
                faults == Faults.NONE
                    ? BodyPublishers.ofFile(path)
                    : BodyPublishers.fromPublisher(
                        BodyPublishers.ofInputStream(() -> open(file.path(), path)),
                        file.bytes())));
  }

  private InputStream open(String name, Path path) {
    try {
      return faults.inTransit(name, Files.newInputStream(path));
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
      throw new PeerRefusedException(
          "peer "
              + target.peerNodeId()
              + " answered "
              + response.statusCode()
              + " to "
              + response.request().method()
              + " "
              + response.uri().getPath()
              + ": "
              + response.body());
    }
    return response.body();
  }

  private String deliveryUrl(String deliveryId) {
    String url = target.exchangeUrl().toString();
    return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
        + ExchangeAgent.PREFIX
        + deliveryId;
  }
}
