package org.trialstats.verify;

import java.util.List;

/**
 * The binomial interval methods a claim is checked against. The verify core does not compute
 * intervals itself: the CLI plugs in the response package's implementation, tests may plug in
 * reference values from R.
 */
public interface IntervalSource {
  /** Method names in the order they are tried and listed (Clopper–Pearson first). */
  List<String> methods();

  /**
   * The two-sided interval of {@code method} for {@code x} responders of {@code n} at {@code
   * level}, as fractions {@code {low, high}} in [0, 1]. May return null when the method does not
   * apply (then it simply does not match).
   */
  double[] limits(String method, int x, int n, double level);
}
