package org.trialstats.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The --conf-level option, checked to lie strictly between 0 and 1. */
public final class ConfidenceOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private double level = 0.95;

  @Option(
      names = "--conf-level",
      paramLabel = "P",
      defaultValue = "0.95",
      description = "Confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
  public void setLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new ParameterException(
          mixee.commandLine(),
          "--conf-level: expected a number strictly between 0 and 1 (e.g. 0.95), found " + level);
    }
    this.level = level;
  }

  public double level() {
    return level;
  }
}
