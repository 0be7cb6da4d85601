package cn.govdata.pipelines.delivery;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads back the CSV files of a delivered directory, for the delivery tests' assertions. */
public final class DeliveredCsv {

  private DeliveredCsv() {}

  /** One column's values over the directory's {@code *.csv} files, in file order. */
  public static List<String> column(Path directory, String column) throws IOException {
    List<String> values = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
          CSVParser parser =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .get()
                  .parse(reader)) {
        for (CSVRecord record : parser) {
          values.add(record.get(column));
        }
      }
    }
    return values;
  }

  /** The {@code id} column as numbers. */
  public static List<Long> ids(Path directory) throws IOException {
    return column(directory, "id").stream().map(Long::valueOf).toList();
  }
}
