package org.trialstats.verify;

/** The outcome of checking one published figure. */
public enum Verdict {
  /** At least one method reproduces every printed number at the printed precision. */
  REPRODUCED("reproduced"),
  /** The estimate is consistent but no method reproduces the interval. */
  NOT_REPRODUCED("not-reproduced"),
  /** The printed estimate does not follow from the published counts or data. */
  INCONSISTENT_ESTIMATE("inconsistent-estimate");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The verdict as written in outputs. */
  public String label() {
    return label;
  }
}
