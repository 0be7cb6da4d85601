package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.IntegrityException;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.DeliveryTarget.JdbcTable;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * A consumer owning a JDBC table: it checks the manifest's signature and that its database holds
 * the delivery's committed marker with the manifest's row count.
 */
public final class JdbcTableReceiver extends SigningReceiver {

  private final JdbcTable table;

  public JdbcTableReceiver(JdbcTable table, NodeKey key, PublicKey senderKey, Clock clock) {
    super(key, senderKey, clock);
    this.table = table;
  }

  @Override
  public Signed<Receipt> receive(Signed<DeliveryManifest> signed) {
    DeliveryManifest manifest = signed.document();
    Receipt receipt;
    try {
      signed.verifiedWith(senderKey);
      Long rows;
      try (Connection connection = JdbcTableWriter.connect(table)) {
        rows = JdbcTableWriter.markedRows(connection, manifest.deliveryId());
      }
      if (rows == null) {
        receipt =
            Receipt.rejecting(manifest, 0, "no committed rows for this delivery", clock.instant());
      } else if (rows != manifest.rowCount()) {
        receipt =
            Receipt.rejecting(
                manifest,
                rows,
                "committed " + rows + " rows, the manifest says " + manifest.rowCount(),
                clock.instant());
      } else {
        receipt = Receipt.accepting(manifest, clock.instant());
      }
    } catch (IntegrityException e) {
      receipt = Receipt.rejecting(manifest, 0, e.getMessage(), clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot check delivery " + manifest.deliveryId(), e);
    }
    return Signed.sign(receipt, key);
  }
}
