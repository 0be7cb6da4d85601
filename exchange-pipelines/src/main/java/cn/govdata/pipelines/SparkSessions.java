package cn.govdata.pipelines;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark session for the command line and the benchmark; jobs never build their own, they
 * receive one. The Iceberg catalog {@value #CATALOG} is a Hadoop catalog under the warehouse unless
 * {@link PipelineSettings#catalog()} makes it another; on a cluster the same settings come from
 * spark-submit instead.
 */
public final class SparkSessions {

  /** The Iceberg catalog every pipeline writes to. */
  public static final String CATALOG = "govdata";

  private SparkSessions() {}

  public static SparkSession create(PipelineSettings settings, String appName) {
    return configure(SparkSession.builder(), settings).appName(appName).getOrCreate();
  }

  public static SparkSession.Builder configure(
      SparkSession.Builder builder, PipelineSettings settings) {
    builder
        .master(settings.master())
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .config(
            "spark.sql.extensions",
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
    settings.catalogProperties().forEach(builder::config);
    return builder;
  }
}
