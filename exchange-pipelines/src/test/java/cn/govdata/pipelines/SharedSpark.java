package cn.govdata.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one local[2] Spark session every *IT in a test JVM shares, with a throw-away warehouse. */
public final class SharedSpark {

  private static SparkSession session;
  private static Path warehouse;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      try {
        warehouse = Files.createTempDirectory("govdata-warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session =
          SparkSessions.configure(
                  SparkSession.builder(), new PipelineSettings("local[2]", warehouse, 4))
              .appName("govdata-tests")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  public static Path warehouse() {
    session();
    return warehouse;
  }
}
