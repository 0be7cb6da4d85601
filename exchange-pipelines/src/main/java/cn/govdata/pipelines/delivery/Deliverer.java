package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ExchangeLog;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import cn.govdata.pipelines.delivery.DeliveryTarget.PeerNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers Iceberg snapshots to consumers with evidence: writes the rows to the target, signs a
 * {@link DeliveryManifest}, obtains the consumer's signed {@link Receipt}, and appends each step to
 * the node's {@link ExchangeLog}. A failed attempt is retried with backoff; the delivery's state is
 * kept in a {@link DeliveryStatusStore} for the console.
 *
 * <p>Every attempt of a delivery sends the same rows: the snapshot is fixed before the first
 * attempt, and the targets recognise the delivery id (see {@link FileDropWriter}, {@link
 * JdbcTableWriter}), so a retry or a resumption after a crash neither loses nor duplicates a row.
 */
public final class Deliverer {

  /** Waits between attempts; tests pass one that does not sleep long. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

  private final SparkSession spark;
  private final NodeKey sender;
  private final ExchangeLog log;
  private final DeliveryStatusStore statuses;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Faults faults;

  public Deliverer(
      SparkSession spark,
      NodeKey sender,
      ExchangeLog log,
      DeliveryStatusStore statuses,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      Faults faults) {
    this.spark = spark;
    this.sender = sender;
    this.log = log;
    this.statuses = statuses;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.faults = faults;
  }

  public DeliveryStatus deliver(
      DeliveryRequest request, DeliveryTarget target, DeliveryReceiver receiver) {
    if (!receiver.nodeId().equals(request.receiverNode())) {
      throw new IllegalArgumentException(
          "delivery "
              + request.deliveryId()
              + " is for "
              + request.receiverNode()
              + ", not "
              + receiver.nodeId());
    }
    SnapshotReader reader = new SnapshotReader(spark);
    DeliveryRequest fixed = request;
    String error = null;
    int attempts = statuses.find(request.deliveryId()).map(DeliveryStatus::attempts).orElse(0);
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      attempts++;
      try {
        if (fixed.snapshotId() == null) {
          fixed = request.at(reader.currentSnapshot(request.table()));
        }
        save(fixed, target, DeliveryState.RUNNING, attempts, 0, error);
        return attempt(reader, fixed, target, receiver, attempts);
      } catch (Exception e) {
        error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warn("delivery {} attempt {} failed: {}", request.deliveryId(), attempt, error);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("attempt", (long) attempts);
        data.put("error", shorten(error));
        data.put("target", target.describe());
        log.append("delivery.attempt-failed", request.deliveryId(), data);
        save(fixed, target, DeliveryState.RUNNING, attempts, 0, error);
        if (attempt < retry.maxAttempts()) {
          try {
            sleeper.sleep(retry.backoffAfter(attempt));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("attempts", (long) attempts);
    data.put("error", shorten(error));
    log.append("delivery.failed", request.deliveryId(), data);
    return save(fixed, target, DeliveryState.FAILED, attempts, 0, error);
  }

  private DeliveryStatus attempt(
      SnapshotReader reader,
      DeliveryRequest request,
      DeliveryTarget target,
      DeliveryReceiver receiver,
      int attempts)
      throws Exception {
    Signed<DeliveryManifest> signed;
    if (target instanceof FileDrop || target instanceof PeerNode) {
      // a peer node gets the files of a local staging drop, uploaded by its receiver
      FileDrop drop = target instanceof PeerNode peer ? peer.staging() : (FileDrop) target;
      Path directory = FileDropWriter.deliveryDirectory(drop, request.deliveryId());
      Optional<Signed<DeliveryManifest>> earlier = FileDropWriter.published(directory);
      if (earlier.isPresent() && earlier.get().isSignedBy(sender.publicKey())) {
        // an earlier attempt completed the files; only the receipt is missing
        signed = earlier.get();
      } else {
        Dataset<Row> rows = reader.read(request);
        Written written = new FileDropWriter().write(rows, drop, request.deliveryId(), faults);
        signed = Signed.sign(manifest(request, rows, written), sender);
        new FileDropWriter().publish(directory, signed);
      }
      sent(signed.document(), target);
      faults.beforeReceipt(directory);
    } else {
      JdbcTable table = (JdbcTable) target;
      Dataset<Row> rows = reader.read(request);
      Written written = new JdbcTableWriter().write(rows, table, request, faults);
      signed = Signed.sign(manifest(request, rows, written), sender);
      sent(signed.document(), target);
    }
    DeliveryManifest manifest = signed.document();
    Receipt receipt = Receipt.verify(receiver.receive(signed), receiver.publicKey(), manifest);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("manifestSha256", manifest.sha256());
    data.put("status", receipt.status().name());
    data.put("receiver", receipt.receiverNode());
    data.put("detail", receipt.detail());
    log.append("delivery.receipt", request.deliveryId(), data);
    return save(
        request,
        target,
        receipt.isAccepted() ? DeliveryState.DELIVERED : DeliveryState.REJECTED,
        attempts,
        manifest.rowCount(),
        receipt.detail());
  }

  private DeliveryManifest manifest(DeliveryRequest request, Dataset<Row> rows, Written written) {
    return new DeliveryManifest(
        request.deliveryId(),
        request.resource(),
        String.valueOf(request.snapshotId()),
        request.baseSnapshotId() == null ? null : String.valueOf(request.baseSnapshotId()),
        SnapshotReader.schema(rows),
        written.rowCount(),
        written.bytes(),
        written.files(),
        request.policies(),
        sender.nodeId(),
        request.receiverNode(),
        clock.instant());
  }

  private void sent(DeliveryManifest manifest, DeliveryTarget target) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("manifestSha256", manifest.sha256());
    data.put("resource", manifest.resourceCode().toString());
    data.put("snapshot", manifest.snapshotId());
    data.put("rows", manifest.rowCount());
    data.put("bytes", manifest.bytes());
    data.put("files", (long) manifest.files().size());
    data.put("target", target.describe());
    data.put("receiver", manifest.receiverNode());
    log.append("delivery.sent", manifest.deliveryId(), data);
  }

  private DeliveryStatus save(
      DeliveryRequest request,
      DeliveryTarget target,
      DeliveryState state,
      int attempts,
      long rows,
      String detail) {
    DeliveryStatus status =
        new DeliveryStatus(
            request.deliveryId(),
            request.resource().toString(),
            target.describe(),
            state,
            attempts,
            request.snapshotId(),
            rows,
            detail,
            clock.instant());
    statuses.save(status);
    return status;
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 500 ? text : text.substring(0, 500);
  }
}
