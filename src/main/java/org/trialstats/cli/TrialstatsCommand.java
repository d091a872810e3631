package org.trialstats.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: lists the analyses. Each subcommand appears only once it works. */
@Command(
    name = "trialstats",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Oncology efficacy endpoints with named, R/SAS-conformant methods.",
      "Output contract: tidy CSV/JSON with --format; exit 0 ok, 2 bad input, 1 internal error."
    },
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      OrrCommand.class,
      SimonCommand.class,
      BorCommand.class,
      KmCommand.class,
      CoxCommand.class,
      RmstCommand.class,
      SubgroupsCommand.class,
      ReportCommand.class,
      SimulateCommand.class,
      VerifyCommand.class,
      ReconstructCommand.class,
      TgiCommand.class,
      Ic50Command.class
    })
public final class TrialstatsCommand implements Runnable {
  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors (for bug reports).")
  boolean debug;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
