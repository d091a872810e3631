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
    subcommands = {picocli.CommandLine.HelpCommand.class})
public final class TrialstatsCommand implements Runnable {
  /**
   * The analyses, in help order. {@link Main} registers only the one named on the command line
   * (building every command's model by reflection costs start-up time), or all of them for help.
   */
  static final Class<?>[] COMMANDS = {
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
    Ic50Command.class,
  };

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
