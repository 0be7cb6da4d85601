package cn.govdata.pipelines.link;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a linkage run produced.
 *
 * @param clusters one row per record: source, record id, cluster id, and the engine's record number
 *     {@code _rid}
 * @param pairs the scored candidate pairs: {@code a}, {@code b} (record numbers), {@code
 *     probability}, {@code deterministic}, {@code matched}
 * @param statistics counts and the estimated model
 */
public record LinkResult(Dataset<Row> clusters, Dataset<Row> pairs, Statistics statistics) {

  /**
   * Counts of one run.
   *
   * @param records records linked
   * @param candidatePairs distinct candidate pairs after blocking
   * @param pairsPerRule candidate pairs each blocking rule produced (before the union)
   * @param oversizedBlocks blocks skipped for exceeding the size limit
   * @param matchedPairs pairs linked (deterministically or above the threshold)
   * @param deterministicPairs pairs linked by a deterministic rule
   * @param clusters entities found
   * @param model the estimated Fellegi-Sunter parameters, one line per comparison level
   */
  public record Statistics(
      long records,
      long candidatePairs,
      List<Long> pairsPerRule,
      long oversizedBlocks,
      long matchedPairs,
      long deterministicPairs,
      long clusters,
      double lambda,
      int emIterations,
      List<String> model) {

    public Statistics {
      pairsPerRule = List.copyOf(pairsPerRule);
      model = List.copyOf(model);
    }

    public double candidatePairsPerRecord() {
      return records == 0 ? 0 : (double) candidatePairs / records;
    }

    /** The counts and the model as a run record keeps them. */
    public java.util.Map<String, Object> asMap() {
      java.util.Map<String, Object> linkage = new java.util.LinkedHashMap<>();
      linkage.put("records", records);
      linkage.put("candidate_pairs", candidatePairs);
      linkage.put("candidate_pairs_per_record", candidatePairsPerRecord());
      linkage.put("pairs_per_blocking_rule", pairsPerRule);
      linkage.put("oversized_blocks_skipped", oversizedBlocks);
      linkage.put("linked_pairs", matchedPairs);
      linkage.put("deterministic_pairs", deterministicPairs);
      linkage.put("entities", clusters);
      linkage.put("match_share", lambda);
      linkage.put("em_iterations", emIterations);
      linkage.put("model", model);
      return linkage;
    }
  }
}
