package cn.govdata.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry in a result page.
 *
 * @param highlights per field (name, summary, items), fragments in which the matched words are
 *     wrapped in {@code <em>}; everything else in a fragment is HTML-escaped, so a fragment can be
 *     put into a page as it is
 */
public record SearchHit(
    String id,
    String code,
    String name,
    String summary,
    String department,
    String region,
    String regionName,
    String classification,
    String format,
    String openType,
    String updateCycle,
    long popularity,
    Instant updatedAt,
    Double score,
    Map<String, List<String>> highlights) {

  public SearchHit {
    highlights = Map.copyOf(highlights);
  }
}
