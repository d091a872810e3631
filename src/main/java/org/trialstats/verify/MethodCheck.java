package org.trialstats.verify;

import java.util.Set;
import org.trialstats.verify.PrintedNumber.Rounding;

/**
 * One method tried on one claim: the recomputed values (in the printed unit: percent for
 * proportions, the data's unit for medians) and the rounding modes under which each printed number
 * is reproduced.
 *
 * @param method the interval method or KM convention
 * @param level the two-sided confidence level used
 * @param responders the responder count used (null for median claims)
 * @param estimate the recomputed estimate
 * @param low the recomputed lower limit (NaN when not estimable)
 * @param high the recomputed upper limit (NaN when not estimable)
 * @param lowModes rounding modes reproducing the printed lower limit (all when none printed)
 * @param highModes rounding modes reproducing the printed upper limit (all when none printed)
 * @param maxAbsDiff the largest absolute difference between a recomputed and a printed limit
 *     (infinite when one is not estimable and the other is printed)
 */
public record MethodCheck(
    String method,
    double level,
    Integer responders,
    double estimate,
    double low,
    double high,
    Set<Rounding> lowModes,
    Set<Rounding> highModes,
    double maxAbsDiff) {

  public MethodCheck {
    lowModes = Set.copyOf(lowModes);
    highModes = Set.copyOf(highModes);
  }

  /** The rounding modes that reproduce both limits at once. */
  public Set<Rounding> modes() {
    java.util.EnumSet<Rounding> m = java.util.EnumSet.noneOf(Rounding.class);
    m.addAll(lowModes);
    m.retainAll(highModes);
    return m;
  }

  /** True when both printed limits are reproduced under one rounding mode. */
  public boolean reproduced() {
    return !modes().isEmpty();
  }
}
