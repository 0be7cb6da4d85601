package cn.govdata.governance.exchange;

import static cn.govdata.governance.exchange.DeliveryManifestTest.CITY;
import static cn.govdata.governance.exchange.DeliveryManifestTest.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-01T08:05:00Z");

  private final DeliveryManifest manifest =
      DeliveryManifestTest.manifest(List.of(new ManifestFile("a.csv", 10, "e".repeat(64))));

  @Test
  void theSenderAcceptsAReceiptSignedByTheReceiverForThisManifest() {
    Signed<Receipt> signed = Signed.sign(Receipt.accepting(manifest, RECEIVED), CITY);
    Signed<Receipt> travelled = Signed.parse(signed.toJsonText(), Receipt::fromJson);

    Receipt receipt = Receipt.verify(travelled, CITY.publicKey(), manifest);

    assertThat(receipt.isAccepted()).isTrue();
    assertThat(receipt.rowsReceived()).isEqualTo(manifest.rowCount());
    assertThat(receipt.manifestSha256()).isEqualTo(manifest.sha256());
  }

  @Test
  void aReceiptSignedWithAnotherKeyIsRefused() {
    NodeKey impostor = NodeKey.generate("gz-city");
    Signed<Receipt> forged = Signed.sign(Receipt.accepting(manifest, RECEIVED), impostor);

    assertThatThrownBy(() -> Receipt.verify(forged, CITY.publicKey(), manifest))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void aReceiptForAnotherVersionOfTheManifestIsRefused() {
    DeliveryManifest other =
        DeliveryManifestTest.manifest(List.of(new ManifestFile("a.csv", 10, "f".repeat(64))));
    Signed<Receipt> signed = Signed.sign(Receipt.accepting(other, RECEIVED), CITY);

    assertThatThrownBy(() -> Receipt.verify(signed, CITY.publicKey(), manifest))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("another version of manifest sub-17/run-3");
  }

  @Test
  void aReceiptSignedByTheSenderInsteadOfTheReceiverIsRefused() {
    Signed<Receipt> signed = Signed.sign(Receipt.accepting(manifest, RECEIVED), PROVINCE);

    assertThatThrownBy(() -> Receipt.verify(signed, PROVINCE.publicKey(), manifest))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("delivery went to gz-city");
  }

  @Test
  void aRejectionSaysWhy() {
    Receipt rejected =
        Receipt.rejecting(manifest, 0, "a.csv: SHA-256 differs from the manifest", RECEIVED);
    Signed<Receipt> signed = Signed.sign(rejected, CITY);

    assertThat(Receipt.verify(signed, CITY.publicKey(), manifest).isAccepted()).isFalse();
    assertThatThrownBy(() -> Receipt.rejecting(manifest, 0, " ", RECEIVED))
        .hasMessageContaining("rejection.reason");
  }
}
