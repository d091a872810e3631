package org.trialstats.survival;

import java.util.Locale;

/**
 * Units of time of the output contract, in days: a month is 30.4375 days (365.25 / 12, the ADaM and
 * admiral convention), a year 365.25 days, a week 7 days.
 */
public enum TimeUnit {
  DAYS(1),
  WEEKS(7),
  MONTHS(30.4375),
  YEARS(365.25);

  private final double days;

  TimeUnit(double days) {
    this.days = days;
  }

  public double days() {
    return days;
  }

  /** The factor that converts a time in this unit to {@code to} (multiply). */
  public double factorTo(TimeUnit to) {
    return days / to.days;
  }

  /** Lower-case name as on the command line ({@code days}, {@code months}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
