package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import java.security.PublicKey;

/**
 * The consumer's side of a delivery: it checks what arrived against the signed manifest and answers
 * with its signed receipt (回执), accepting or rejecting.
 */
public interface DeliveryReceiver {

  String nodeId();

  /** The key the receipts verify with, from the peer registry. */
  PublicKey publicKey();

  Signed<Receipt> receive(Signed<DeliveryManifest> manifest);
}
