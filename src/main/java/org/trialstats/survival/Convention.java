package org.trialstats.survival;

import java.util.Locale;

/**
 * Which software's defaults to follow where R {@code survival} and SAS PROC LIFETEST differ. R: CI
 * transform {@code log}, {@code quantile.survfit} rules for medians/quantiles, landmarks beyond the
 * last observation carried forward ({@code summary(..., extend = TRUE)}). SAS: transform {@code
 * log-log}, LIFETEST quantile rules, landmarks beyond the last observation not estimable.
 */
public enum Convention {
  R,
  SAS;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
