package org.trialstats.response;

/**
 * Parameters of the best overall response derivation, named after admiralonco's {@code
 * derive_param_confirmed_bor()} arguments.
 *
 * @param confirm require confirmation of CR and PR (confirmed BOR) or not (BOR)
 * @param confirmDays {@code ref_confirm}: the confirmatory assessment must be at least this many
 *     days after the response ({@code ADT.join >= ADT + ref_confirm})
 * @param sdMinDays {@code ref_start_window}: SD and NON-CR/NON-PD (and, for confirmed BOR,
 *     unconfirmed CR/PR counted as SD) need {@code ADT >= reference date + sdMinDays}
 * @param maxNeBetween {@code max_nr_ne}: NE assessments allowed between a response and its
 *     confirmation
 * @param acceptSd {@code accept_sd}: one SD allowed between a PR and its confirmation
 */
public record BorSettings(
    boolean confirm, int confirmDays, int sdMinDays, int maxNeBetween, boolean acceptSd) {

  /** admiralonco template values: confirmation required, 28 days, SD window 42 days, 1 NE. */
  public static final BorSettings DEFAULT = new BorSettings(true, 28, 42, 1, false);

  public BorSettings {
    if (confirmDays < 0 || sdMinDays < 0 || maxNeBetween < 0) {
      throw new IllegalArgumentException("day windows and NE count must be non-negative");
    }
  }

  public BorSettings withConfirm(boolean c) {
    return new BorSettings(c, confirmDays, sdMinDays, maxNeBetween, acceptSd);
  }
}
