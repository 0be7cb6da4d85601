package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.Deliverer;
import cn.govdata.pipelines.delivery.DeliveryState;
import cn.govdata.pipelines.delivery.DeliveryStatus;
import cn.govdata.pipelines.delivery.DeliveryStatusStore;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import cn.govdata.pipelines.delivery.Faults;
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.spark.sql.SparkSession;

/**
 * Runs due deliveries to peer nodes: each through the {@link Deliverer} to a {@link PeerNode}
 * target staged in the node's outbox, with the node's retry policy, and reports what the control
 * plane records (rows, bytes, the signed receipt).
 */
public final class PeerDeliveries implements DueDeliveries.Runner {

  private final Deliverer deliverer;
  private final NodeTls tls;
  private final NodeHome home;
  private final Duration timeout;

  public PeerDeliveries(
      SparkSession spark,
      NodeKey key,
      NodeTls tls,
      ExchangeLog log,
      NodeHome home,
      RetryPolicy retry,
      Clock clock) {
    this.deliverer =
        new Deliverer(
            spark,
            key,
            log,
            new DeliveryStatusStore(home.statuses()),
            retry,
            duration -> Thread.sleep(duration.toMillis()),
            clock,
            Faults.NONE);
    this.tls = tls;
    this.home = home;
    this.timeout = Duration.ofMinutes(10);
  }

  @Override
  public DueDeliveries.Outcome deliver(DueDelivery due) {
    DueDelivery.Target to = due.target();
    if (!"NODE".equals(to.type())) {
      return new DueDeliveries.Outcome(
          "FAILED",
          0,
          "target type " + to.type() + " is not delivered by the exchange agent (only NODE)",
          null,
          0,
          0,
          null);
    }
    if (to.peerNodeId() == null) {
      throw new IllegalArgumentException("a NODE target needs peerNodeId");
    }
    URI url =
        to.exchangeUrl() != null
            ? URI.create(to.exchangeUrl())
            : tls.peers()
                .find(to.peerNodeId())
                .orElseThrow(() -> new IllegalArgumentException("unknown peer " + to.peerNodeId()))
                .exchangeUrl();
    FileFormat format =
        "PARQUET".equalsIgnoreCase(to.format()) ? FileFormat.PARQUET : FileFormat.CSV;
    PeerNode target = new PeerNode(url, to.peerNodeId(), new FileDrop(home.outbox(), format));
    DeliveryStatus status =
        deliverer.deliver(
            due.request(), target, new PeerNodeReceiver(target, tls, Faults.NONE, timeout));
    Path staged = home.outbox().resolve(due.deliveryId());
    return new DueDeliveries.Outcome(
        status.state().name(),
        status.attempts(),
        status.state() == DeliveryState.DELIVERED ? null : status.detail(),
        status.snapshotId(),
        status.rowCount(),
        bytes(staged.resolve(ExchangeAgent.MANIFEST)),
        read(staged.resolve(ExchangeAgent.RECEIPT)));
  }

  private static long bytes(Path manifest) {
    String text = read(manifest);
    return text == null ? 0 : Signed.parse(text, DeliveryManifest::fromJson).document().bytes();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
