package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a delivery into {@code <drop>/<deliveryId>/}: data files {@code part-00000.<ext>}, ...,
 * written by Spark into a staging directory and renamed into place when complete; then {@code
 * manifest.json}, the signed manifest, also renamed into place. A directory without a manifest is a
 * delivery in progress; resuming it deletes whatever an interrupted attempt left and writes every
 * file again from the same snapshot, so the receiver never sees a partial or a doubled set of rows.
 */
final class FileDropWriter {

  static final String MANIFEST = "manifest.json";
  static final String RECEIPT = "receipt.json";
  private static final String PART = "part-";
  private static final String TEMPORARY = ".tmp";

  static Path deliveryDirectory(FileDrop target, String deliveryId) {
    return target.directory().resolve(deliveryId);
  }

  /** The manifest a completed earlier attempt published, if any. */
  static Optional<Signed<DeliveryManifest>> published(Path directory) {
    Path file = directory.resolve(MANIFEST);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Signed.parse(Files.readString(file, StandardCharsets.UTF_8), DeliveryManifest::fromJson));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  Written write(Dataset<Row> rows, FileDrop target, String deliveryId, Faults faults)
      throws IOException {
    Path directory = deliveryDirectory(target, deliveryId);
    Files.createDirectories(directory);
    clearLeftovers(directory);
    Parts parts = writeWithSpark(rows, directory, target, faults);
    List<ManifestFile> described = ManifestFile.ofAll(directory, parts.files());
    long bytes = described.stream().mapToLong(ManifestFile::bytes).sum();
    return new Written(parts.rows(), bytes, described, false);
  }

  private record Parts(List<Path> files, long rows) {}

  /**
   * Spark writes the files in parallel into a staging directory (CSV as RFC 4180: a header in every
   * file, '"' quoting and escaping, null as an empty field); its part files are then renamed into
   * place one by one.
   */
  private Parts writeWithSpark(Dataset<Row> rows, Path directory, FileDrop target, Faults faults)
      throws IOException {
    Path staging = directory.resolve(".staging");
    long count = rows.count();
    var writer = rows.write().mode("overwrite").option("maxRecordsPerFile", target.rowsPerFile());
    if (target.format() == FileFormat.CSV) {
      writer
          .option("header", "true")
          .option("quote", "\"")
          .option("escape", "\"")
          .option("lineSep", "\n")
          .option("encoding", "UTF-8")
          .csv(staging.toString());
    } else {
      writer.parquet(staging.toString());
    }
    String extension = "." + target.format().extension;
    List<Path> parts;
    try (Stream<Path> listed = Files.list(staging)) {
      parts =
          listed
              .filter(p -> p.getFileName().toString().startsWith(PART))
              .filter(p -> p.getFileName().toString().endsWith(extension))
              .sorted()
              .toList();
    }
    List<Path> files = new ArrayList<>();
    for (Path part : parts) {
      Path file = directory.resolve(String.format("%s%05d%s", PART, files.size(), extension));
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
      faults.afterFile(file, files.size());
      files.add(file);
    }
    deleteTree(staging);
    return new Parts(files, count);
  }

  /** Publishes the signed manifest last, atomically: from now on the delivery is complete. */
  void publish(Path directory, Signed<DeliveryManifest> manifest) throws IOException {
    Path temporary = directory.resolve(MANIFEST + TEMPORARY);
    Files.writeString(temporary, manifest.toJsonText(), StandardCharsets.UTF_8);
    Files.move(temporary, directory.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void clearLeftovers(Path directory) throws IOException {
    try (Stream<Path> listed = Files.list(directory)) {
      for (Path path : listed.toList()) {
        String name = path.getFileName().toString();
        if (name.startsWith(PART) || name.endsWith(TEMPORARY) || name.equals(".staging")) {
          deleteTree(path);
        }
      }
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
