package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.run;

import org.junit.jupiter.api.Test;
import org.trialstats.cli.CliRun.Result;

/** The contract's behaviour of the root command: help, version, usage errors. */
class CliTest {

  @Test
  void helpListsUsageAndExitsZero() {
    Result r = run("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("Usage: trialstats"), r.out());
    // every analysis is listed although a run registers only the command it names
    for (Class<?> c : TrialstatsCommand.COMMANDS) {
      String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
      assertTrue(r.out().contains("\n  " + name + " "), name + " missing from\n" + r.out());
    }
    assertEquals(13, TrialstatsCommand.COMMANDS.length);
  }

  @Test
  void inheritedDebugReachesTheNamedCommand() {
    Result r = run("km", "--debug", "--data", "no-such-file.csv");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no-such-file.csv: file not found"), r.err());
    assertTrue(r.err().contains("\tat "), "stack trace with --debug: " + r.err());
  }

  @Test
  void versionComesFromTheBuild() {
    Result r = run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().matches("(?s)trialstats \\d+\\.\\d+\\.\\d+.*"), r.out());
  }

  @Test
  void unknownOptionIsUsageErrorWithoutStackTrace() {
    Result r = run("--no-such-option");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
