package cn.govdata.governance.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govdata.governance.directory.ResourceCode;
import cn.govdata.governance.validation.FieldViolation;
import cn.govdata.governance.validation.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryManifestTest {

  static final Instant CREATED = Instant.parse("2026-03-01T08:00:00.123Z");
  static final NodeKey PROVINCE = NodeKey.generate("gd-province");
  static final NodeKey CITY = NodeKey.generate("gz-city");

  static DeliveryManifest manifest(List<ManifestFile> files) {
    return new DeliveryManifest(
        "sub-17/run-3",
        ResourceCode.parse("101001/000042", "resourceCode"),
        "5723401293847112",
        null,
        List.of(new ManifestField("公民身份号码", "string"), new ManifestField("姓名", "string")),
        2,
        files.stream().mapToLong(ManifestFile::bytes).sum(),
        files,
        List.of("row-filter:region-440100", "mask:IDENTITY_NUMBER"),
        "gd-province",
        "gz-city",
        CREATED);
  }

  static Path writeDelivery(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(
        dir.resolve("data/part-0000.csv"),
        "公民身份号码,姓名\n440106********0011,张*\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("data/part-0001.csv"), "440106********0022,李*\n");
    return dir;
  }

  static List<ManifestFile> describe(Path dir) {
    return List.of(
        ManifestFile.of(dir, dir.resolve("data/part-0000.csv")),
        ManifestFile.of(dir, dir.resolve("data/part-0001.csv")));
  }

  @Test
  void aSignedManifestTravelsAsTextAndVerifiesWithTheSendersKey(@TempDir Path dir)
      throws Exception {
    DeliveryManifest manifest = manifest(describe(writeDelivery(dir)));
    Signed<DeliveryManifest> signed = Signed.sign(manifest, PROVINCE);

    Signed<DeliveryManifest> received =
        Signed.parse(signed.toJsonText(), DeliveryManifest::fromJson);

    assertThat(received).isEqualTo(signed);
    assertThat(received.verifiedWith(PROVINCE.publicKey())).isEqualTo(manifest);
    assertThat(received.document().sha256()).isEqualTo(manifest.sha256());
    assertThat(received.isSignedBy(CITY.publicKey())).isFalse();
  }

  @Test
  void theCanonicalFormIsFixedForAManifest() {
    DeliveryManifest manifest =
        manifest(List.of(new ManifestFile("data/a.csv", 10, "a".repeat(64))));

    assertThat(new String(manifest.canonicalBytes(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"baseSnapshotId\":null,\"bytes\":10,\"createdAt\":\"2026-03-01T08:00:00.123Z\","
                + "\"deliveryId\":\"sub-17/run-3\",\"files\":[{\"bytes\":10,\"path\":\"data/a.csv\","
                + "\"sha256\":\""
                + "a".repeat(64)
                + "\"}],\"policies\":[\"row-filter:region-440100\",\"mask:IDENTITY_NUMBER\"],"
                + "\"receiverNode\":\"gz-city\",\"resourceCode\":\"101001/000042\","
                + "\"rowCount\":2,\"schema\":[{\"name\":\"公民身份号码\",\"type\":\"string\"},"
                + "{\"name\":\"姓名\",\"type\":\"string\"}],\"senderNode\":\"gd-province\","
                + "\"snapshotId\":\"5723401293847112\"}");
  }

  @Test
  void aChangedManifestNoLongerVerifies(@TempDir Path dir) throws Exception {
    DeliveryManifest manifest = manifest(describe(writeDelivery(dir)));
    Signed<DeliveryManifest> signed = Signed.sign(manifest, PROVINCE);
    String tamperedText = signed.toJsonText().replace("\"rowCount\":2", "\"rowCount\":3");

    Signed<DeliveryManifest> tampered = Signed.parse(tamperedText, DeliveryManifest::fromJson);

    assertThat(tampered.document().rowCount()).isEqualTo(3);
    assertThatThrownBy(() -> tampered.verifiedWith(PROVINCE.publicKey()))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("signature of gd-province does not verify");
  }

  @Test
  void aCorruptedFileIsCaughtByItsChecksum(@TempDir Path dir) throws Exception {
    DeliveryManifest manifest = manifest(describe(writeDelivery(dir)));
    manifest.verifyFiles(dir);

    Path part = dir.resolve("data/part-0001.csv");
    byte[] bytes = Files.readAllBytes(part);
    bytes[5] ^= 0x10;
    Files.write(part, bytes);

    assertThatThrownBy(() -> manifest.verifyFiles(dir))
        .isInstanceOf(IntegrityException.class)
        .hasMessageContaining("data/part-0001.csv")
        .hasMessageContaining("corrupted")
        .extracting(e -> ((IntegrityException) e).subject())
        .isEqualTo("data/part-0001.csv");
  }

  @Test
  void aMissingOrTruncatedFileIsCaught(@TempDir Path dir) throws Exception {
    DeliveryManifest manifest = manifest(describe(writeDelivery(dir)));
    Path first = dir.resolve("data/part-0000.csv");
    byte[] bytes = Files.readAllBytes(first);
    Files.write(first, java.util.Arrays.copyOf(bytes, bytes.length - 1));

    assertThatThrownBy(() -> manifest.verifyFiles(dir))
        .hasMessageContaining("has " + (bytes.length - 1) + " bytes, the manifest says");

    Files.delete(first);
    assertThatThrownBy(() -> manifest.verifyFiles(dir)).hasMessageContaining("missing");
  }

  @Test
  void badInputNamesEveryFieldAndRule() {
    assertThatThrownBy(
            () ->
                new DeliveryManifest(
                    " ",
                    ResourceCode.parse("101001/000042", "resourceCode"),
                    "1",
                    "1",
                    List.of(new ManifestField("a", "string"), new ManifestField("a", "int")),
                    -1,
                    5,
                    List.of(new ManifestFile("x.csv", 4, "b".repeat(64))),
                    List.of(),
                    "gz-city",
                    "gz-city",
                    CREATED))
        .isInstanceOf(InvalidFieldException.class)
        .satisfies(
            e ->
                assertThat(((InvalidFieldException) e).violations())
                    .extracting(FieldViolation::rule)
                    .containsExactlyInAnyOrder(
                        "required",
                        "schema.unique-name",
                        "non-negative",
                        "bytes.sum-of-files",
                        "receiver.not-sender",
                        "incremental.range"));
  }

  @Test
  void filePathsMustStayInsideTheDelivery() {
    for (String path : List.of("../etc/passwd", "/abs.csv", "a/./b", "a//b", "a\\b")) {
      assertThatThrownBy(() -> new ManifestFile(path, 1, "c".repeat(64)))
          .hasMessageContaining("relative-path");
    }
  }

  @Test
  void readingAManifestWithAWrongTypeNamesTheField() {
    String text =
        new String(
                manifest(List.of(new ManifestFile("a.csv", 1, "d".repeat(64)))).canonicalBytes(),
                StandardCharsets.UTF_8)
            .replace("\"bytes\":1,\"path\"", "\"bytes\":\"1\",\"path\"");

    assertThatThrownBy(() -> DeliveryManifest.fromJson(CanonicalJson.readObject(text)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("files[0].bytes must be a long");
  }
}
