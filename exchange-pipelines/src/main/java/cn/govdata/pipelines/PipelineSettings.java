package cn.govdata.pipelines;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where pipelines run and write.
 *
 * @param master the Spark master; {@code local[*]} runs inside the calling process
 * @param warehouse the Iceberg warehouse of the Hadoop catalog
 */
public record PipelineSettings(String master, Path warehouse) {

  public PipelineSettings {
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("spark master must not be blank");
    }
    Objects.requireNonNull(warehouse, "warehouse");
  }

  public static PipelineSettings local(Path home) {
    return new PipelineSettings("local[*]", home.resolve("warehouse"));
  }
}
