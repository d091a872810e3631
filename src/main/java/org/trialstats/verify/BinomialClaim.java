package org.trialstats.verify;

import java.util.List;

/**
 * One published response-rate figure: "{@code estimate}% ({@code responders}/{@code n}; {@code
 * level} CI {@code low}–{@code high})", percentages kept as printed.
 *
 * @param claimId the claim's id
 * @param responders the published number of responders, or null when not published
 * @param n the number of patients
 * @param estimate the printed percentage, or null when not printed
 * @param low the printed lower limit (percent), or null
 * @param high the printed upper limit (percent), or null
 * @param levels the confidence levels to try (the first is the one claimed)
 * @param sides 2 for a two-sided interval; 1 for a one-sided bound (checked as the limit of a
 *     two-sided interval at level {@code 2 level - 1})
 * @param source where the figure was published
 */
public record BinomialClaim(
    String claimId,
    Integer responders,
    int n,
    PrintedNumber estimate,
    PrintedNumber low,
    PrintedNumber high,
    List<Double> levels,
    int sides,
    String source) {

  public BinomialClaim {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, was " + n);
    }
    if (responders != null && (responders < 0 || responders > n)) {
      throw new IllegalArgumentException("responders must lie in [0, n], was " + responders);
    }
    if (responders == null && estimate == null) {
      throw new IllegalArgumentException("a claim needs responders or a printed estimate");
    }
    if (levels == null || levels.isEmpty()) {
      levels = List.of(0.95);
    }
    levels = List.copyOf(levels);
    for (double l : levels) {
      if (!(l > 0 && l < 1)) {
        throw new IllegalArgumentException("confidence level must lie in (0, 1), was " + l);
      }
    }
    if (sides != 1 && sides != 2) {
      throw new IllegalArgumentException("sides must be 1 or 2, was " + sides);
    }
  }

  /** The two-sided level whose limits equal this claim's interval at {@code level}. */
  public double twoSidedLevel(double level) {
    return sides == 2 ? level : 2 * level - 1;
  }
}
