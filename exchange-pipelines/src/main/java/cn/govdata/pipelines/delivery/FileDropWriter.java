package cn.govdata.pipelines.delivery;

import cn.govdata.governance.exchange.DeliveryManifest;
import cn.govdata.governance.exchange.ManifestFile;
import cn.govdata.governance.exchange.Signed;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileDrop;
import cn.govdata.pipelines.delivery.DeliveryTarget.FileFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes a delivery into {@code <drop>/<deliveryId>/}: data files {@code part-00000.<ext>}, ...,
 * each under a temporary name first and renamed when complete; then {@code manifest.json}, the
 * signed manifest, also renamed into place. A directory without a manifest is a delivery in
 * progress; resuming it deletes whatever an interrupted attempt left and writes every file again
 * from the same snapshot, so the receiver never sees a partial or a doubled set of rows.
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
    Parts parts =
        target.format() == FileFormat.CSV
            ? writeCsv(rows, directory, target.rowsPerFile(), faults)
            : writeParquet(rows, directory, faults);
    List<ManifestFile> described = new ArrayList<>();
    long bytes = 0;
    for (Path file : parts.files()) {
      ManifestFile manifestFile = ManifestFile.of(directory, file);
      described.add(manifestFile);
      bytes += manifestFile.bytes();
    }
    return new Written(parts.rows(), bytes, described, false);
  }

  private record Parts(List<Path> files, long rows) {}

  private Parts writeCsv(Dataset<Row> rows, Path directory, int rowsPerFile, Faults faults)
      throws IOException {
    String[] header = rows.columns();
    List<Path> files = new ArrayList<>();
    Iterator<Row> iterator = rows.toLocalIterator();
    long written = 0;
    do {
      Path file = directory.resolve(String.format("%s%05d.csv", PART, files.size()));
      Path temporary = directory.resolve(file.getFileName() + TEMPORARY);
      int inFile = 0;
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
          CSVPrinter printer =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader(header)
                  .setRecordSeparator('\n')
                  .get()
                  .print(writer)) {
        while (inFile < rowsPerFile && iterator.hasNext()) {
          Row row = iterator.next();
          List<String> values = new ArrayList<>(row.length());
          for (int i = 0; i < row.length(); i++) {
            values.add(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
          }
          printer.printRecord(values);
          inFile++;
        }
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      written += inFile;
      faults.afterFile(file, files.size());
      files.add(file);
    } while (iterator.hasNext());
    return new Parts(files, written);
  }

  /** Spark writes into a staging directory; its part files are then renamed into place. */
  private Parts writeParquet(Dataset<Row> rows, Path directory, Faults faults) throws IOException {
    long count = rows.count();
    Path staging = directory.resolve(".staging");
    rows.coalesce(1).write().mode("overwrite").parquet(staging.toString());
    List<Path> parts;
    try (Stream<Path> listed = Files.list(staging)) {
      parts =
          listed
              .filter(p -> p.getFileName().toString().startsWith(PART))
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .sorted()
              .toList();
    }
    List<Path> files = new ArrayList<>();
    for (Path part : parts) {
      Path file = directory.resolve(String.format("%s%05d.parquet", PART, files.size()));
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
