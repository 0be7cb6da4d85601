package cn.govdata.pipelines.link;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The Fellegi-Sunter model: per comparison level, m = P(level | match) and u = P(level |
 * non-match), and λ the share of matches among candidate pairs. u comes from random pairs (nearly
 * all non-matches); m and λ are estimated by expectation-maximisation over the candidate pairs'
 * comparison patterns, without labels. Patterns are few (the product of the levels), so EM runs on
 * their counts, not on the pairs.
 */
public final class FellegiSunter implements Serializable {

  /**
   * A comparison pattern (one level per comparison, -1 for "missing"), how many pairs have it, and
   * what a deterministic rule decided for them.
   */
  public record Pattern(int[] levels, long count, Decision decision) {
    public Pattern {
      levels = levels.clone();
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
    }

    public Pattern(int[] levels, long count) {
      this(levels, count, Decision.OPEN);
    }
  }

  /** What the deterministic rules decided for a pattern's pairs. */
  public enum Decision {
    MATCH,
    NON_MATCH,
    OPEN
  }

  private static final double FLOOR = 1e-6;

  private final double[][] m;
  private final double[][] u;
  private double lambda;
  private int iterations;

  private FellegiSunter(double[][] m, double[][] u, double lambda) {
    this.m = m;
    this.u = u;
    this.lambda = lambda;
  }

  /**
   * u from the level frequencies among random pairs ({@code randomCounts[k][level]}), with one
   * pseudo-count per level so that no level is impossible.
   */
  public static double[][] uFromRandomPairs(long[][] randomCounts) {
    double[][] u = new double[randomCounts.length][];
    for (int k = 0; k < randomCounts.length; k++) {
      long total = Arrays.stream(randomCounts[k]).sum();
      u[k] = new double[randomCounts[k].length];
      for (int level = 0; level < u[k].length; level++) {
        u[k][level] = (randomCounts[k][level] + 1.0) / (total + u[k].length);
      }
    }
    return u;
  }

  /**
   * Runs EM until the parameters stop moving or {@code maxIterations}. It starts from the usual
   * prior that matches agree exactly on most fields (m = 0.9 at level 0, the rest shared out
   * decreasingly) and that matches are a minority; started from a flat prior, EM can settle on
   * "every candidate pair is a match" when blocking already made the pairs alike.
   */
  public static FellegiSunter estimate(
      List<Pattern> patterns, double[][] u, int maxIterations, double totalPairs) {
    double[][] m = new double[u.length][];
    for (int k = 0; k < u.length; k++) {
      m[k] = new double[u[k].length];
      m[k][0] = 0.9;
      double rest = 0;
      for (int level = 1; level < m[k].length; level++) {
        rest += Math.pow(0.5, level);
      }
      for (int level = 1; level < m[k].length; level++) {
        m[k][level] = 0.1 * Math.pow(0.5, level) / rest;
      }
    }
    long candidates = patterns.stream().mapToLong(Pattern::count).sum();
    if (totalPairs < candidates) {
      throw new IllegalArgumentException("total pairs must cover the candidate pairs");
    }
    FellegiSunter model =
        new FellegiSunter(m, u, Math.max(FLOOR * FLOOR, 0.1 * candidates / totalPairs));
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      model.iterations = iteration;
      if (model.step(patterns, totalPairs) < 1e-7) {
        break;
      }
    }
    return model;
  }

  /** One E and M step; returns the largest parameter change. */
  private double step(List<Pattern> patterns, double totalPairs) {
    double[][] matchWeight = new double[m.length][];
    double[] observedMatch = new double[m.length];
    for (int k = 0; k < m.length; k++) {
      matchWeight[k] = new double[m[k].length];
    }
    double matches = 0;
    for (Pattern pattern : patterns) {
      double posterior =
          switch (pattern.decision()) {
            case MATCH -> 1.0;
            case NON_MATCH -> 0.0;
            case OPEN -> probability(pattern.levels());
          };
      double weighted = posterior * pattern.count();
      matches += weighted;
      for (int k = 0; k < m.length; k++) {
        int level = pattern.levels()[k];
        if (level >= 0) {
          matchWeight[k][level] += weighted;
          observedMatch[k] += weighted;
        }
      }
    }
    double change = 0;
    double newLambda = Math.min(1 - FLOOR, Math.max(FLOOR * FLOOR, matches / totalPairs));
    change = Math.max(change, Math.abs(newLambda - lambda) / lambda);
    lambda = newLambda;
    for (int k = 0; k < m.length; k++) {
      if (observedMatch[k] == 0) {
        continue;
      }
      for (int level = 0; level < m[k].length; level++) {
        // one pseudo-pair per level: no level becomes impossible for a match
        double updated =
            Math.max(FLOOR, (matchWeight[k][level] + 1) / (observedMatch[k] + m[k].length));
        change = Math.max(change, Math.abs(updated - m[k][level]));
        m[k][level] = updated;
      }
    }
    return change;
  }

  /** The posterior probability that a pair with these levels is a match. */
  public double probability(int[] levels) {
    double logOdds = Math.log(lambda / (1 - lambda)) + logLikelihoodRatio(levels);
    return 1 / (1 + Math.exp(-logOdds));
  }

  /** Σ log(m/u) over the comparisons that have a value: the pair's match weight (natural log). */
  public double logLikelihoodRatio(int[] levels) {
    double sum = 0;
    for (int k = 0; k < m.length; k++) {
      int level = levels[k];
      if (level >= 0) {
        sum += Math.log(m[k][level] / u[k][level]);
      }
    }
    return sum;
  }

  public double lambda() {
    return lambda;
  }

  public int iterations() {
    return iterations;
  }

  public double m(int comparison, int level) {
    return m[comparison][level];
  }

  public double u(int comparison, int level) {
    return u[comparison][level];
  }

  public int comparisons() {
    return m.length;
  }

  public int levels(int comparison) {
    return m[comparison].length;
  }
}
