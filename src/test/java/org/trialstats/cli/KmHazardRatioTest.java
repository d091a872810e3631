package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.concat;
import static org.trialstats.cli.CliRun.csv;
import static org.trialstats.cli.CliRun.run;
import static org.trialstats.cli.CoxRmstCommandTest.assertHr;
import static org.trialstats.cli.CoxRmstCommandTest.r;
import static org.trialstats.cli.CoxRmstCommandTest.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.CliRun.Result;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/**
 * {@code km --hr}: the Cox hazard ratio rows appended to the Kaplan–Meier/log-rank output, against
 * R {@code coxph} (golden/cox/results.csv, written by golden/cox/generate.R).
 */
class KmHazardRatioTest {
  @TempDir Path tmp;

  /**
   * The rand_strata_3arm design of generate.R (dummies x1 = B, x2 = C, stratum s) as a file with an
   * arm column, so km reads it as users' data.
   */
  Path threeArmStrata() throws IOException {
    DataTable d = CsvReader.read(CoxRmstCommandTest.COX.resolve("data_rand_strata_3arm.csv"));
    List<String> lines = new ArrayList<>();
    lines.add("time,status,arm,s");
    for (int i = 0; i < d.rowCount(); i++) {
      String arm = d.cell(i, "x1").equals("1") ? "B" : d.cell(i, "x2").equals("1") ? "C" : "A";
      lines.add(
          String.join(",", d.cell(i, "time"), d.cell(i, "status"), arm, d.cell(i, "stratum")));
    }
    Path p = tmp.resolve("three_arm_strata.csv");
    Files.write(p, lines);
    return p;
  }

  @Test
  void colonThreeArmsEachVersusReferenceMatchCoxph() throws IOException {
    Result run =
        run(
            "km",
            "--data",
            CoxRmstCommandTest.DS + "colon.csv",
            "--where",
            "etype=2",
            "--time",
            "time",
            "--event",
            "status",
            "--by",
            "rx",
            "--ref",
            "Obs",
            "--hr",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    Map<String, Map<String, String>> r = r("colon_rx", "efron");
    assertHr(t, "Lev vs Obs", r.get("rxLev"));
    assertHr(t, "Lev+5FU vs Obs", r.get("rxLev+5FU"));
    int i = row(t, "Lev vs Obs", "hr");
    assertEquals("cox", t.cell(i, "analysis"));
    assertEquals("efron", t.cell(i, "method"));
    // the km and log-rank rows are still there, before the hazard ratios
    assertTrue(row(t, "Obs", "median") < i);
    assertTrue(row(t, "overall", "logrank") < i);
  }

  @Test
  void stratifiedEveryTieMethodMatchesCoxph() throws IOException {
    Path f = threeArmStrata();
    for (String ties : List.of("efron", "breslow", "exact")) {
      Result run =
          run(
              "km",
              "--data",
              f.toString(),
              "--time",
              "time",
              "--event",
              "status",
              "--by",
              "arm",
              "--strata",
              "s",
              "--hr",
              "--ties",
              ties,
              "--format",
              "csv");
      assertEquals(0, run.code(), run.err());
      DataTable t = csv(run.out());
      Map<String, Map<String, String>> r = r("rand_strata_3arm", ties);
      assertHr(t, "B vs A", r.get("armB"));
      assertHr(t, "C vs A", r.get("armC"));
      int i = row(t, "B vs A", "hr");
      assertEquals(ties, t.cell(i, "method"));
      assertTrue(t.cell(i, "note").contains("stratified by s (3 strata)"), t.cell(i, "note"));
      assertEquals(
          r.get("armB").get("n"),
          String.valueOf(Integer.parseInt(t.cell(row(t, "overall", "logrank"), "n"))));
    }
  }

  @Test
  void conventionSasDefaultsToBreslow() throws IOException {
    Path f = threeArmStrata();
    Result run =
        run(
            "km",
            "--data",
            f.toString(),
            "--time",
            "time",
            "--event",
            "status",
            "--by",
            "arm",
            "--strata",
            "s",
            "--hr",
            "--convention",
            "sas",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    assertHr(t, "C vs A", r("rand_strata_3arm", "breslow").get("armC"));
    assertEquals("breslow", t.cell(row(t, "C vs A", "hr"), "method"));
  }

  @Test
  void withoutHrNoCoxRowsAndInputErrorsExitTwo() throws IOException {
    Path f = threeArmStrata();
    String[] base = {"km", "--data", f.toString(), "--time", "time", "--event", "status"};
    Result plain = run(concat(base, "--by", "arm", "--format", "csv"));
    assertEquals(0, plain.code(), plain.err());
    assertTrue(!plain.out().contains("\ncox,"), plain.out());

    Result noBy = run(concat(base, "--hr"));
    assertEquals(2, noBy.code());
    assertTrue(noBy.err().contains("--hr needs --by"), noBy.err());

    Result tiesAlone = run(concat(base, "--by", "arm", "--ties", "efron"));
    assertEquals(2, tiesAlone.code());
    assertTrue(tiesAlone.err().contains("add --hr"), tiesAlone.err());

    Result badTies = run(concat(base, "--by", "arm", "--hr", "--ties", "wilcoxon"));
    assertEquals(2, badTies.code());
    assertTrue(badTies.err().contains("--ties: expected efron, breslow or exact"), badTies.err());
  }
}
