package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The contract's behaviour of the root command: help, version, usage errors. */
class CliTest {
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

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
