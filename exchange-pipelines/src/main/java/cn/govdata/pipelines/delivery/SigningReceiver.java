package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.NodeKey;
import java.security.PublicKey;
import java.time.Clock;

/** A receiver that signs its receipts with its node key and trusts one sender's key. */
abstract class SigningReceiver implements DeliveryReceiver {

  final NodeKey key;
  final PublicKey senderKey;
  final Clock clock;

  SigningReceiver(NodeKey key, PublicKey senderKey, Clock clock) {
    this.key = key;
    this.senderKey = senderKey;
    this.clock = clock;
  }

  @Override
  public String nodeId() {
    return key.nodeId();
  }

  @Override
  public PublicKey publicKey() {
    return key.publicKey();
  }
}
