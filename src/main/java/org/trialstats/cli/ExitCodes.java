package org.trialstats.cli;

/** Exit codes of the output contract. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  public static final int INTERNAL = 1;
  public static final int BAD_INPUT = 2;
}
