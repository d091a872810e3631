package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimonCommandTest {
  // stdout and stderr of every run in a test, in order
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();

  private int run(String... args) {
    return CliRun.runInto(out, err, args);
  }

  /** The reference design of the conventions doc (Simon 1989): tidy rows in contract order. */
  @Test
  void tidyRowsForTheReferenceDesign() {
    int rc =
        run(
            "simon",
            "--p0",
            "0.05",
            "--p1",
            "0.25",
            "--alpha",
            "0.05",
            "--power",
            "0.80",
            "--format",
            "csv");
    assertEquals(0, rc, err.toString());
    String[] lines = out.toString().split("\n");
    assertEquals(
        "analysis,group,term,time,estimate,conf_low,conf_high,conf_level,p_value,statistic,df,n,"
            + "events,method,note",
        lines[0]);
    assertEquals(17, lines.length);
    assertTrue(lines[1].startsWith("simon,optimal,r1,,0,"), lines[1]);
    assertTrue(lines[2].startsWith("simon,optimal,n1,,9,"), lines[2]);
    assertTrue(lines[3].startsWith("simon,optimal,r,,2,"), lines[3]);
    assertTrue(lines[4].startsWith("simon,optimal,n,,17,"), lines[4]);
    assertTrue(lines[5].startsWith("simon,optimal,en0,,11.958"), lines[5]);
    assertTrue(lines[10].startsWith("simon,minimax,n1,,12,"), lines[10]);
    assertTrue(lines[12].startsWith("simon,minimax,n,,16,"), lines[12]);
    assertTrue(lines[13].startsWith("simon,minimax,en0,,13.838"), lines[13]);
    assertTrue(lines[1].contains("simon-1989 exact binomial"), lines[1]);
  }

  @Test
  void readableTable() {
    assertEquals(0, run("simon", "--p0", "0.05", "--p1", "0.25"));
    String s = out.toString();
    assertTrue(s.contains("optimal      0/9    2/17     11.96"), s);
    assertTrue(s.contains("minimax     0/12    2/16     13.84"), s);
  }

  @Test
  void noDesignIsReportedNotHidden() {
    assertEquals(
        0, run("simon", "--p0", "0.05", "--p1", "0.25", "--max-n", "12", "--format", "csv"));
    assertTrue(
        out.toString().contains("no design with n <= 12 meets alpha and power"), out.toString());
  }

  @Test
  void badInputExitsTwo() {
    assertEquals(2, run("simon", "--p0", "0.3", "--p1", "0.2"));
    assertTrue(
        err.toString().contains("--p1 (0.2) must be larger than --p0 (0.3)"), err.toString());
    assertEquals(2, run("simon", "--p0", "0", "--p1", "0.2"));
    assertTrue(err.toString().contains("--p0: expected a number strictly between 0 and 1"));
    assertEquals(2, run("simon", "--p0", "0.1", "--p1", "1.2"));
    assertEquals(2, run("simon", "--p0", "0.1", "--p1", "0.3", "--alpha", "1"));
    assertEquals(2, run("simon", "--p0", "0.1", "--p1", "0.3", "--power", "-0.8"));
    assertEquals(2, run("simon", "--p0", "0.1", "--p1", "0.3", "--max-n", "5000"));
    assertEquals(2, run("simon", "--p1", "0.3"));
  }
}
