package cn.govdata.pipelines;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where pipelines run and write.
 *
 * @param master the Spark master; {@code local[*]} runs inside the calling process
 * @param warehouse the Iceberg warehouse of the Hadoop catalog
 * @param shufflePartitions Spark SQL shuffle partitions; a few per core locally
 */
public record PipelineSettings(String master, Path warehouse, int shufflePartitions) {

  public PipelineSettings {
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("spark master must not be blank");
    }
    Objects.requireNonNull(warehouse, "warehouse");
    if (shufflePartitions < 1) {
      throw new IllegalArgumentException("shuffle partitions must be at least 1");
    }
  }

  public PipelineSettings(String master, Path warehouse) {
    this(master, warehouse, 8);
  }

  public static PipelineSettings local(Path home) {
    return new PipelineSettings("local[*]", home.resolve("warehouse"));
  }
}
