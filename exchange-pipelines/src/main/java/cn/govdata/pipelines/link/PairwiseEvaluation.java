package cn.govdata.pipelines.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Pairwise precision, recall and F1 of a clustering against the truth: a pair of records is
 * predicted when both fall in one cluster and true when both belong to one entity.
 *
 * @param truePositives pairs both predicted and true
 * @param predicted pairs predicted
 * @param actual pairs true
 */
public record PairwiseEvaluation(long truePositives, long predicted, long actual) {

  public double precision() {
    return predicted == 0 ? 1.0 : (double) truePositives / predicted;
  }

  public double recall() {
    return actual == 0 ? 1.0 : (double) truePositives / actual;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * Compares {@code clusters} (source, record_id, cluster_id) with {@code truth} (source,
   * record_id, entity_id); records missing from the truth are an error, not silently ignored.
   */
  public static PairwiseEvaluation of(Dataset<Row> clusters, Dataset<Row> truth) {
    List<String> key = List.of("source", "record_id");
    Dataset<Row> joined =
        clusters
            .select("source", "record_id", "cluster_id")
            .join(
                truth.select("source", "record_id", "entity_id"),
                scala.collection.JavaConverters.asScalaBuffer(key).toSeq(),
                "left");
    long unknown = joined.filter(col("entity_id").isNull()).count();
    if (unknown > 0) {
      throw new IllegalArgumentException(unknown + " clustered records are not in the truth file");
    }
    joined.cache();
    long predicted = pairs(joined, "cluster_id");
    long actual = pairs(joined, "entity_id");
    long both = pairs(joined, "cluster_id", "entity_id");
    joined.unpersist();
    return new PairwiseEvaluation(both, predicted, actual);
  }

  private static long pairs(Dataset<Row> joined, String... groupBy) {
    Row row =
        joined
            .groupBy(groupBy[0], java.util.Arrays.copyOfRange(groupBy, 1, groupBy.length))
            .count()
            .select(sum(col("count").multiply(col("count").minus(1)).divide(2)).cast("long"))
            .first();
    return row.isNullAt(0) ? 0 : row.getLong(0);
  }

  @Override
  public String toString() {
    return String.format(
        "precision %.4f, recall %.4f, F1 %.4f (%,d true positive of %,d predicted and %,d true pairs)",
        precision(), recall(), f1(), truePositives, predicted, actual);
  }
}
