package cn.govdata.pipelines.generate;

import java.util.SplittableRandom;

/** Random draws the generators share. */
final class Draws {

  private Draws() {}

  /** A standard normal draw (Box-Muller): SplittableRandom has no nextGaussian on Java 17. */
  static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
