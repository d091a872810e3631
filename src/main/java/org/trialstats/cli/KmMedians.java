package org.trialstats.cli;

import org.trialstats.report.VerifyReport;
import org.trialstats.verify.KmMedianSource;

/** The Kaplan–Meier medians plugged into verify: the survival package's estimator. */
final class KmMedians {
  private KmMedians() {}

  static final VerifyReport.Medians FACTORY =
      (in, claim) -> new KmMedianSource(in.time(), in.event());
}
