package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input checks shared by the time-to-event commands (km, cox, rmst, subgroups). */
class TteInputChecksTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    CliRun.Result r = CliRun.run(args);
    return new String[] {Integer.toString(r.code()), r.out(), r.err()};
  }

  private Path adtte() throws IOException {
    Path p = dir.resolve("adtte.csv");
    Files.writeString(
        p,
        "USUBJID,PARAMCD,AVAL,CNSR,ARM\n"
            + "S1,OS,10,0,A\nS1,PFS,5,0,A\nS2,OS,12,1,B\nS2,PFS,7,0,B\n"
            + "S3,OS,3,0,A\nS3,PFS,3,0,A\nS4,OS,8,0,B\nS4,PFS,6,1,B\n");
    return p;
  }

  @Test
  void severalEndpointsWithoutWhereAreRefusedForEveryTteCommand() throws IOException {
    String f = adtte().toString();
    for (String cmd : new String[] {"km", "cox", "rmst"}) {
      String[] r = run(cmd, "--data", f, "--by", "ARM");
      assertEquals("2", r[0], cmd + ": " + r[2]);
      assertTrue(r[2].contains("rows of 2 endpoints (PARAMCD OS, PFS)"), r[2]);
      assertTrue(r[2].contains("--where PARAMCD=OS"), r[2]);
    }
    assertEquals("0", run("km", "--data", f, "--by", "ARM", "--where", "PARAMCD=OS")[0]);
  }

  /**
   * From {@link Beside#MIN_ROWS} rows the one-row check runs beside the column conversion: the
   * messages, and which error wins, are those of the sequential order.
   */
  @Test
  void largeFilesGiveTheSameMessagesAsSmallOnes() throws IOException {
    int n = Beside.MIN_ROWS + 10;
    StringBuilder ok = new StringBuilder("USUBJID,AVAL,CNSR,ARM\n");
    for (int i = 0; i < n; i++) {
      ok.append('S').append(i).append(',').append(i % 500 + 1).append(',').append(i % 2);
      ok.append(',').append(i % 3 == 0 ? 'A' : 'B').append('\n');
    }
    Path good = dir.resolve("big.csv");
    Files.writeString(good, ok);
    assertEquals("0", run("km", "--data", good.toString(), "--by", "ARM")[0]);
    // a repeated id and, later, a bad time: the repeated id is reported
    Path dup = dir.resolve("big-dup.csv");
    Files.writeString(dup, ok + "S7,1,0,A\nS99999999,-1,0,A\n");
    String[] r = run("km", "--data", dup.toString(), "--by", "ARM");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("subject S7 appears on lines 9 and " + (n + 2)), r[2]);
    // a bad time alone is reported as always
    Path bad = dir.resolve("big-bad.csv");
    Files.writeString(bad, ok + "S99999999,-1,0,A\n");
    r = run("km", "--data", bad.toString(), "--by", "ARM");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("row " + (n + 1) + " (line " + (n + 2) + "), column AVAL"), r[2]);
  }

  @Test
  void repeatedSubjectIdNamesBothLines() throws IOException {
    Path p = dir.resolve("dup.csv");
    Files.writeString(p, "USUBJID,AVAL,CNSR,ARM\nS1,1,0,A\nS2,2,0,B\nS3,3,1,A\nS2,4,0,B\n");
    String[] r = run("km", "--data", p.toString(), "--by", "ARM");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("subject S2 appears on lines 3 and 5"), r[2]);
    assertFalse(r[2].contains("\tat "), r[2]);
  }

  @Test
  void strataWithoutByIsAnError() throws IOException {
    String[] r =
        run("km", "--data", adtte().toString(), "--where", "PARAMCD=OS", "--strata", "ARM");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("--strata needs --by"), r[2]);
  }

  @Test
  void oneTwoEventCodingIsStatedInTheOutput() throws IOException {
    Path p = dir.resolve("r.csv");
    Files.writeString(p, "time,status\n1,2\n2,1\n3,2\n4,2\n");
    String[] r = run("km", "--data", p.toString(), "--time", "time", "--event", "status");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("read as R's Surv() does, 1 = censored, 2 = event"), r[1]);
    assertTrue(r[1].contains("3 events") || r[1].contains(", 3 events"), r[1]);
  }

  @Test
  void repeatedIdInALargeFileIsFoundAndNamed() throws IOException {
    // over 4 MiB: the reader splits the file in two halves and keeps the ids as hashes only
    Path p = dir.resolve("large.csv");
    StringBuilder b = new StringBuilder("USUBJID,AVAL,CNSR,ARM,PAD\n");
    String pad = "x".repeat(20);
    int n = 150_000;
    for (int i = 0; i < n; i++) {
      b.append("SUBJ-")
          .append(i)
          .append(',')
          .append(1 + i % 97)
          .append(',')
          .append(i % 3 == 0 ? 1 : 0);
      b.append(',').append(i % 2 == 0 ? "A" : "B").append(',').append(pad).append('\n');
    }
    b.append("SUBJ-17,5,0,B,").append(pad).append('\n');
    Files.writeString(p, b);
    String[] r = run("km", "--data", p.toString(), "--by", "ARM");
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains("subject SUBJ-17 appears on lines 19 and " + (n + 2)), r[2]);
  }
}
