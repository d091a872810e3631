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
