package cn.govdata.pipelines.exchange;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.Deliverer;
import cn.govdata.pipelines.delivery.DeliveryReceiver;
import cn.govdata.pipelines.delivery.DeliveryState;
import cn.govdata.pipelines.delivery.DeliveryStatus;
import cn.govdata.pipelines.delivery.DeliveryStatusStore;
import cn.govdata.pipelines.delivery.DeliveryTarget;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import cn.govdata.pipelines.delivery.Faults;
import cn.govdata.pipelines.delivery.FileDropReceiver;
import cn.govdata.pipelines.delivery.JdbcTableReceiver;
import cn.govdata.pipelines.delivery.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * Runs due deliveries through the {@link Deliverer} with the node's retry policy, to the target the
 * subscription names: a peer node (staged in the node's outbox, uploaded to the peer's agent), the
 * node's drop directory (FILES) or a table of the node's exchange database (JDBC). It reports what
 * the control plane records and checks: rows, bytes, the signed manifest and the signed receipt.
 *
 * <p>For FILES and JDBC the consumer is on this node; its receiver checks the files or the
 * committed marker row and signs the receipt with the node's local receiver key ({@link
 * NodeKey#LOCAL_RECEIVER_KEY_FILE}), which the control plane of the same home verifies.
 */
public final class SubscriptionDeliveries implements DueDeliveries.Runner {

  /**
   * Where deliveries to consumers on this node go.
   *
   * @param drop the drop directory of FILES targets ({@code drop/<deliveryId>/})
   * @param jdbcUrl the node's exchange database for JDBC targets; {@code null} when there is none
   */
  public record LocalTargets(Path drop, String jdbcUrl, String jdbcUser, String jdbcPassword) {}

  private final Deliverer deliverer;
  private final NodeKey key;
  private final NodeKey localReceiver;
  private final NodeTls tls;
  private final NodeHome home;
  private final LocalTargets local;
  private final Clock clock;
  private final Duration timeout;

  public SubscriptionDeliveries(
      SparkSession spark,
      NodeKey key,
      NodeTls tls,
      ExchangeLog log,
      NodeHome home,
      LocalTargets local,
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
    this.key = key;
    this.localReceiver = home.localReceiverKey(key.nodeId());
    this.tls = tls;
    this.home = home;
    this.local = local;
    this.clock = clock;
    this.timeout = Duration.ofMinutes(10);
  }

  @Override
  public DueDeliveries.Outcome deliver(DueDelivery due) {
    DueDelivery.Target to = due.target();
    FileFormat format =
        "PARQUET".equalsIgnoreCase(to.format()) ? FileFormat.PARQUET : FileFormat.CSV;
    DeliveryTarget target;
    DeliveryReceiver receiver;
    PublicKey sender = key.publicKey();
    switch (to.type().toUpperCase(Locale.ROOT)) {
      case "NODE" -> {
        PeerNode peer =
            new PeerNode(peerUrl(to), to.peerNodeId(), new FileDrop(home.outbox(), format));
        target = peer;
        receiver = new PeerNodeReceiver(peer, tls, Faults.NONE, timeout);
      }
      case "FILES" -> {
        target = new FileDrop(local.drop(), format);
        receiver = new FileDropReceiver(local.drop(), localReceiver, sender, clock);
      }
      case "JDBC" -> {
        if (local.jdbcUrl() == null) {
          return DueDeliveries.Outcome.failed(
              0, "a JDBC target needs the node's exchange database (deliver-due --jdbc-url)");
        }
        JdbcTable table =
            new JdbcTable(
                local.jdbcUrl(),
                local.jdbcUser(),
                local.jdbcPassword(),
                to.table(),
                // a FULL subscription's every delivery is the whole table
                "FULL".equals(due.mode()));
        target = table;
        receiver = new JdbcTableReceiver(table, localReceiver, sender, clock);
      }
      default -> {
        return DueDeliveries.Outcome.failed(
            0,
            "target type " + to.type() + " is not delivered by deliver-due (the consumer pulls)");
      }
    }
    Recording recording = new Recording(receiver);
    DeliveryStatus status = deliverer.deliver(due.request(key.nodeId()), target, recording);
    return new DueDeliveries.Outcome(
        status.state().name(),
        status.attempts(),
        status.state() == DeliveryState.DELIVERED ? null : status.detail(),
        status.snapshotId(),
        status.rowCount(),
        recording.manifest == null ? 0 : recording.manifest.document().bytes(),
        recording.receipt == null ? null : recording.receipt.toJsonText(),
        recording.manifest == null ? null : recording.manifest.toJsonText());
  }

  private URI peerUrl(DueDelivery.Target to) {
    if (to.peerNodeId() == null) {
      throw new IllegalArgumentException("a NODE target needs peerNodeId");
    }
    return to.exchangeUrl() != null
        ? URI.create(to.exchangeUrl())
        : tls.peers()
            .find(to.peerNodeId())
            .orElseThrow(() -> new IllegalArgumentException("unknown peer " + to.peerNodeId()))
            .exchangeUrl();
  }

  /** Keeps the last manifest sent and receipt answered, the evidence the control plane checks. */
  private static final class Recording implements DeliveryReceiver {

    private final DeliveryReceiver receiver;
    private Signed<DeliveryManifest> manifest;
    private Signed<Receipt> receipt;

    Recording(DeliveryReceiver receiver) {
      this.receiver = receiver;
    }

    @Override
    public String nodeId() {
      return receiver.nodeId();
    }

    @Override
    public PublicKey publicKey() {
      return receiver.publicKey();
    }

    @Override
    public Signed<Receipt> receive(Signed<DeliveryManifest> sent) {
      manifest = sent;
      receipt = null;
      receipt = receiver.receive(sent);
      return receipt;
    }
  }
}
