package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.IntegrityException;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.NodeKey;
import cn.govdata.governance.exchange.Receipt;
import cn.govdata.governance.exchange.Signed;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * A consumer reading a drop directory: it checks the manifest's signature with the sender's key,
 * every file's size and SHA-256 and, for CSV, the row count; it keeps its signed receipt beside the
 * manifest ({@code receipt.json}).
 */
public final class FileDropReceiver extends SigningReceiver {

  private final Path drop;

  public FileDropReceiver(Path drop, NodeKey key, PublicKey senderKey, Clock clock) {
    super(key, senderKey, clock);
    this.drop = drop;
  }

  @Override
  public Signed<Receipt> receive(Signed<DeliveryManifest> signed) {
    DeliveryManifest manifest = signed.document();
    Path directory = drop.resolve(manifest.deliveryId());
    Receipt receipt;
    try {
      signed.verifiedWith(senderKey);
      manifest.verifyFiles(directory);
      long rows = csvRows(directory, manifest);
      receipt =
          rows < 0 || rows == manifest.rowCount()
              ? Receipt.accepting(manifest, clock.instant())
              : Receipt.rejecting(
                  manifest,
                  rows,
                  "the files hold " + rows + " rows, the manifest " + manifest.rowCount(),
                  clock.instant());
    } catch (IntegrityException e) {
      receipt = Receipt.rejecting(manifest, 0, e.getMessage(), clock.instant());
    }
    Signed<Receipt> answer = Signed.sign(receipt, key);
    try {
      Files.writeString(
          directory.resolve(FileDropWriter.RECEIPT), answer.toJsonText(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the receipt of " + manifest.deliveryId(), e);
    }
    return answer;
  }

  /** Data rows in the CSV files, or -1 when the files are not CSV. */
  private static long csvRows(Path directory, DeliveryManifest manifest) {
    long rows = 0;
    for (ManifestFile file : manifest.files()) {
      if (!file.path().endsWith(".csv")) {
        return -1;
      }
      try (Reader reader = Files.newBufferedReader(directory.resolve(file.path()));
          CSVParser parser =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .get()
                  .parse(reader)) {
        for (var ignored : parser) {
          rows++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }
}
