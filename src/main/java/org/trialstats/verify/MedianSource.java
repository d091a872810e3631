package org.trialstats.verify;

import java.util.List;

/**
 * Kaplan–Meier medians of one data set under each convention a median claim is checked against (R
 * survfit's log transform, SAS LIFETEST's log-log, plain). The verify core does not compute them
 * itself; the CLI plugs in the survival package's estimator.
 */
public interface MedianSource {
  /** The conventions in the order they are tried and listed. */
  List<String> conventions();

  /**
   * {@code {median, low, high}} under {@code convention} at {@code level}; NaN for a value that is
   * not estimable (e.g. an upper limit not reached).
   */
  double[] median(String convention, double level);

  /** The number of patients in the data. */
  int n();
}
