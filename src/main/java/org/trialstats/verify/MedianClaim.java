package org.trialstats.verify;

/**
 * One published median time-to-event with its confidence interval, numbers kept as printed. A limit
 * printed as not reached ({@code NE}, {@code NR}, {@code NA}, {@code not reached}) is reproduced
 * only by a limit that is not estimable.
 *
 * @param claimId the claim's id
 * @param median the printed median (null when printed as not reached)
 * @param low the printed lower limit (null when not printed)
 * @param high the printed upper limit (null when not printed or not reached)
 * @param medianNotReached the median was printed as not reached
 * @param highNotReached the upper limit was printed as not reached
 * @param level the confidence level
 * @param source where the figure was published
 */
public record MedianClaim(
    String claimId,
    PrintedNumber median,
    PrintedNumber low,
    PrintedNumber high,
    boolean medianNotReached,
    boolean highNotReached,
    double level,
    String source) {

  /** Whether printed text means "not reached / not estimable". */
  public static boolean notReached(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
    return t.equals("NE")
        || t.equals("NR")
        || t.equals("NA")
        || t.equals("N/A")
        || t.equals("NOT REACHED")
        || t.equals("NOT ESTIMABLE");
  }

  /** The printed median as text. */
  public String medianText() {
    return medianNotReached ? "NR" : median == null ? "" : median.text();
  }

  /** The printed upper limit as text. */
  public String highText() {
    return highNotReached ? "NR" : high == null ? "" : high.text();
  }
}
