package cn.govdata.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One set of values the chart is checked with: the chart's own defaults, or a realistic override
 * file kept in {@code helm/govdata/ci/} (the chart-testing convention).
 *
 * @param name what the set represents, shown in test names
 * @param overrides the override file, or {@code null} for the defaults alone
 */
record ValueSet(String name, Path overrides) {

  ValueSet {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("value set name must not be blank");
    }
  }

  static ValueSet defaults() {
    return new ValueSet("defaults", null);
  }

  /** The defaults and every {@code ci/*-values.yaml} of the chart, in name order. */
  static List<ValueSet> all() {
    List<ValueSet> sets = new ArrayList<>();
    sets.add(defaults());
    try (Stream<Path> files = Files.list(Repository.chart().resolve("ci"))) {
      files
          .filter(file -> file.getFileName().toString().endsWith("-values.yaml"))
          .sorted()
          .forEach(file -> sets.add(named(file.getFileName().toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sets;
  }

  static ValueSet named(String fileName) {
    Path file = Repository.chart().resolve("ci").resolve(fileName);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no value set " + file);
    }
    return new ValueSet(fileName.replace("-values.yaml", ""), file);
  }

  @Override
  public String toString() {
    return name;
  }
}
