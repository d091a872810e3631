package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.concat;
import static org.trialstats.cli.CliRun.csv;
import static org.trialstats.cli.CliRun.run;

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
 * The cox and rmst commands end to end on the shared datasets, against the same R references as the
 * core tests (golden/cox/results.csv from coxph, golden/rmst/*.csv from survRM2's formulas).
 */
class CoxRmstCommandTest {
  static final Path COX = Path.of("src/test/resources/golden/cox");
  static final Path RMST = Path.of("src/test/resources/golden/rmst");
  static final String DS = "datasets/r-survival/";

  @TempDir Path tmp;

  static int row(DataTable t, String group, String term) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.cell(i, "group").equals(group) && t.cell(i, "term").equals(term)) {
        return i;
      }
    }
    throw new AssertionError("no row " + group + "/" + term);
  }

  static double num(DataTable t, int i, String c) {
    return Double.parseDouble(t.cell(i, c));
  }

  /** R coxph rows of one case and tie method from results.csv, by coefficient name. */
  static Map<String, Map<String, String>> r(String name, String ties) {
    Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
    DataTable t = CsvReader.read(COX.resolve("results.csv"));
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.cell(i, "case").equals(name) && t.cell(i, "ties").equals(ties)) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String c : t.columnNames()) {
          m.put(c, t.cell(i, c));
        }
        out.put(t.cell(i, "name"), m);
      }
    }
    return out;
  }

  static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
  }

  static void assertHr(DataTable t, String group, Map<String, String> rrow) {
    int i = row(t, group, "hr");
    double coef = Double.parseDouble(rrow.get("coef"));
    double se = Double.parseDouble(rrow.get("se"));
    close(Math.exp(coef), num(t, i, "estimate"), group + " hr");
    close(Math.exp(coef - 1.959963984540054 * se), num(t, i, "conf_low"), group + " low");
    close(Math.exp(coef + 1.959963984540054 * se), num(t, i, "conf_high"), group + " high");
    close(coef / se, num(t, i, "statistic"), group + " z");
  }

  static void assertHrNear(DataTable t, String group, Map<String, String> rrow) {
    double hr = Math.exp(Double.parseDouble(rrow.get("coef")));
    assertEquals(hr, num(t, row(t, group, "hr"), "estimate"), 1e-3 * hr, group + " hr");
  }

  static void assertTests(DataTable t, Map<String, String> r0) {
    close(Double.parseDouble(r0.get("wald")), num(t, row(t, "ALL", "wald"), "statistic"), "wald");
    close(Double.parseDouble(r0.get("lr")), num(t, row(t, "ALL", "lr"), "statistic"), "lr");
    close(Double.parseDouble(r0.get("score")), num(t, row(t, "ALL", "score"), "statistic"), "sc");
    assertEquals(r0.get("df"), t.cell(row(t, "ALL", "lr"), "df").replace(".0", ""));
    assertEquals(r0.get("n"), t.cell(row(t, "ALL", "lr"), "n"));
    assertEquals(r0.get("events"), t.cell(row(t, "ALL", "lr"), "events"));
  }

  @Test
  void veteranAdjustedForCelltypeAndKarnoMatchesR() throws IOException {
    Result run =
        run(
            "cox",
            "--data",
            DS + "veteran.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--by",
            "trt",
            "--covariates",
            "celltype,karno",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    Map<String, Map<String, String>> r = r("veteran_full", "efron");
    assertHr(t, "2 vs 1", r.get("trt2"));
    assertHr(t, "celltype: large vs adeno", r.get("celltypelarge"));
    assertHr(t, "celltype: squamous vs adeno", r.get("celltypesquamous"));
    assertHr(t, "karno", r.get("karno"));
    assertTests(t, r.get("trt2"));
    assertEquals("efron", t.cell(0, "method"));
  }

  @Test
  void conventionSasMeansBreslowAndExplicitTiesWin() throws IOException {
    String[] base = {
      "cox",
      "--data",
      DS + "colon.csv",
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
      "--format",
      "csv"
    };
    // R's breslow fit (R's stopping rule) matches coxph(ties = "breslow") to 1e-6.
    List<String> rb = new ArrayList<>(List.of(base));
    rb.addAll(List.of("--ties", "breslow"));
    Result run = run(rb.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    Map<String, Map<String, String>> r = r("colon_rx", "breslow");
    assertHr(t, "Lev vs Obs", r.get("rxLev"));
    assertHr(t, "Lev+5FU vs Obs", r.get("rxLev+5FU"));
    assertTests(t, r.get("rxLev"));

    // --convention sas: breslow ties and SAS PHREG's GCONV=1E-8 stopping rule, which stops about
    // one Newton step before R, so estimates agree with R only to ~1e-4 relative (the exact SAS
    // printed values are checked in survival.SasPhregReferenceTest).
    List<String> sas = new ArrayList<>(List.of(base));
    sas.addAll(List.of("--convention", "sas"));
    run = run(sas.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    t = csv(run.out());
    assertEquals("breslow", t.cell(0, "method"));
    assertHrNear(t, "Lev vs Obs", r.get("rxLev"));
    assertHrNear(t, "Lev+5FU vs Obs", r.get("rxLev+5FU"));

    sas.addAll(List.of("--ties", "exact"));
    t = csv(run(sas.toArray(String[]::new)).out());
    assertEquals("exact", t.cell(0, "method"));
    r = r("colon_rx", "exact");
    assertHrNear(t, "Lev+5FU vs Obs", r.get("rxLev+5FU"));
    assertTrue(t.cell(row(t, "ALL", "score"), "note").contains("log-rank"));
  }

  @Test
  void stratifiedWithNumericCovariateMatchesR() throws IOException {
    Result run =
        run(
            "cox",
            "--data",
            DS + "colon.csv",
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
            "--strata",
            "sex",
            "--covariates",
            "age",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    Map<String, Map<String, String>> r = r("colon_rx_strata", "efron");
    assertHr(t, "Lev vs Obs", r.get("rxLev"));
    assertHr(t, "age", r.get("age"));
    assertTests(t, r.get("age"));
  }

  /** lung: status 1/2 recoded to an event column; ph.ecog has a missing value (complete cases). */
  @Test
  void missingCovariateRowsAreExcludedAsR() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(DS + "lung.csv"));
    StringBuilder b = new StringBuilder(lines.get(0)).append(",event\n");
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      b.append(l).append(',').append(Integer.parseInt(f[2]) - 1).append('\n');
    }
    Path p = tmp.resolve("lung.csv");
    Files.writeString(p, b);
    Result run =
        run(
            "cox",
            "--data",
            p.toString(),
            "--time",
            "time",
            "--event",
            "event",
            "--by",
            "sex",
            "--covariates",
            "ph.ecog",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    Map<String, Map<String, String>> r = r("lung_sex_ecog", "efron");
    assertHr(t, "2 vs 1", r.get("sex2"));
    assertHr(t, "ph.ecog", r.get("ph.ecog"));
    assertTests(t, r.get("sex2"));
    assertTrue(t.cell(0, "note").contains("1 row(s) with a missing covariate excluded"));
  }

  @Test
  void groupWithoutEventsIsReportedNotEstimable() throws IOException {
    DataTable d = CsvReader.read(COX.resolve("data_rand_no_events_arm.csv"));
    StringBuilder b = new StringBuilder("time,status,arm\n");
    for (int i = 0; i < d.rowCount(); i++) {
      String arm = d.cell(i, "x1").equals("1") ? "B" : d.cell(i, "x2").equals("1") ? "C" : "A";
      b.append(d.cell(i, "time")).append(',').append(d.cell(i, "status")).append(',');
      b.append(arm).append('\n');
    }
    Path p = tmp.resolve("noev.csv");
    Files.writeString(p, b);
    Result run =
        run(
            "cox",
            "--data",
            p.toString(),
            "--time",
            "time",
            "--event",
            "status",
            "--by",
            "arm",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    int c = row(t, "C vs A", "hr");
    assertEquals("", t.cell(c, "estimate"));
    assertEquals("", t.cell(c, "conf_high"));
    assertTrue(t.cell(c, "note").contains("no events in C"), t.cell(c, "note"));
    assertTrue(t.cell(c, "note").contains("not estimable"));
    assertEquals("", t.cell(row(t, "ALL", "wald"), "statistic"));
    Map<String, Map<String, String>> r = r("rand_no_events_arm", "efron");
    assertHr(t, "B vs A", r.get("armB"));
    close(
        Double.parseDouble(r.get("armB").get("lr")),
        num(t, row(t, "ALL", "lr"), "statistic"),
        "lr");
    assertTrue(!run.out().contains("E-9") && !run.out().contains("e-9"), "no 1e-9 HR printed");
  }

  @Test
  void allCensoredIsReportedNotEstimable() throws IOException {
    Path p = tmp.resolve("cens.csv");
    Files.writeString(p, "t,e,arm\n1,0,A\n2,0,B\n3,0,A\n4,0,B\n");
    Result run =
        run(
            "cox",
            "--data",
            p.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--by",
            "arm",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    int i = row(t, "B vs A", "hr");
    assertEquals("", t.cell(i, "estimate"));
    assertTrue(t.cell(i, "note").contains("no events"));
    assertEquals("", t.cell(row(t, "ALL", "score"), "statistic"));
  }

  /** Complete separation: R runs out of iterations; we say so and print no estimate. */
  @Test
  void separationIsReportedAsNotConverged() throws IOException {
    Path p = tmp.resolve("sep.csv");
    Files.writeString(
        p,
        "t,e,z,arm\n1,1,5,A\n2,1,4,B\n3,1,3,A\n4,1,2,B\n5,1,1,A\n6,0,0,B\n7,0,-1,A\n"
            + "8,0,-2,B\n9,0,-3,A\n10,0,-4,B\n");
    Result run =
        run(
            "cox",
            "--data",
            p.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--by",
            "arm",
            "--covariates",
            "z",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    int i = row(t, "z", "hr");
    assertEquals("", t.cell(i, "estimate"));
    assertTrue(t.cell(i, "note").contains("did not converge in 20 iterations"), t.cell(i, "note"));
    assertTrue(t.cell(i, "note").contains("diverge"), t.cell(i, "note"));
  }

  @Test
  void exactBeyondItsLimitIsAnInputError() throws IOException {
    StringBuilder b = new StringBuilder("t,e,arm\n");
    for (int i = 0; i < 200_000; i++) {
      b.append(1 + i % 2).append(",1,").append(i % 3 == 0 ? "A" : "B").append('\n');
    }
    Path p = tmp.resolve("ties.csv");
    Files.writeString(p, b);
    Result run =
        run(
            "cox",
            "--data",
            p.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--by",
            "arm",
            "--ties",
            "exact");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("use efron"), run.err());
  }

  @Test
  void coxBadInputIsExitTwo() {
    String[] data = {"--data", DS + "aml.csv", "--time", "time", "--event", "status"};
    Result noBy = run(concat(new String[] {"cox"}, data));
    assertEquals(2, noBy.code());
    assertTrue(noBy.err().contains("--by"), noBy.err());
    Result ties = run(concat(new String[] {"cox", "--by", "x", "--ties", "bogus"}, data));
    assertEquals(2, ties.code());
    assertTrue(ties.err().contains("efron, breslow or exact"), ties.err());
    Result ref = run(concat(new String[] {"cox", "--by", "x", "--ref", "Nope"}, data));
    assertEquals(2, ref.code());
    Result same = run(concat(new String[] {"cox", "--by", "x", "--covariates", "x"}, data));
    assertEquals(2, same.code());
  }

  @Test
  void singleLevelCovariateIsAnInputError() throws IOException {
    Path p = tmp.resolve("one.csv");
    Files.writeString(p, "t,e,arm,site\n1,1,A,x\n2,0,B,x\n3,1,A,x\n4,1,B,x\n");
    Result run =
        run(
            "cox",
            "--data",
            p.toString(),
            "--time",
            "t",
            "--event",
            "e",
            "--by",
            "arm",
            "--covariates",
            "site");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("single level"), run.err());
  }

  static Map<String, String> goldenRow(String file, String name, String arm) {
    DataTable t = CsvReader.read(RMST.resolve(file));
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.cell(i, "case").equals(name) && t.cell(i, "arm").equals(arm)) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String c : t.columnNames()) {
          m.put(c, t.cell(i, c));
        }
        return m;
      }
    }
    throw new AssertionError(name + " " + arm);
  }

  @Test
  void rmstDefaultTauMatchesSurvRm2() throws IOException {
    Result run =
        run(
            "rmst",
            "--data",
            DS + "veteran.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--by",
            "trt",
            "--format",
            "csv");
    assertEquals(0, run.code(), run.err());
    DataTable t = csv(run.out());
    for (String arm : List.of("1", "2")) {
      Map<String, String> g = goldenRow("arms.csv", "veteran", arm);
      int i = row(t, arm, "rmst");
      close(Double.parseDouble(g.get("tau")), num(t, i, "time"), "tau");
      close(Double.parseDouble(g.get("rmst")), num(t, i, "estimate"), "rmst");
      close(Double.parseDouble(g.get("lower")), num(t, i, "conf_low"), "low");
      close(Double.parseDouble(g.get("upper")), num(t, i, "conf_high"), "high");
      assertEquals("km-area", t.cell(i, "method"));
    }
    Map<String, String> c = goldenRow("contrasts.csv", "veteran", "2");
    int d = row(t, "2 vs 1", "difference");
    close(Double.parseDouble(c.get("diff")), num(t, d, "estimate"), "diff");
    close(Double.parseDouble(c.get("diff_low")), num(t, d, "conf_low"), "diff low");
    close(Double.parseDouble(c.get("diff_p")), num(t, d, "p_value"), "diff p");
    int q = row(t, "2 vs 1", "ratio");
    close(Double.parseDouble(c.get("ratio")), num(t, q, "estimate"), "ratio");
    close(Double.parseDouble(c.get("ratio_high")), num(t, q, "conf_high"), "ratio high");
    close(Double.parseDouble(c.get("ratio_p")), num(t, q, "p_value"), "ratio p");
  }

  @Test
  void rmstGivenTauAndReportUnit() throws IOException {
    Result days =
        run(
            "rmst",
            "--data",
            DS + "ovarian.csv",
            "--time",
            "futime",
            "--event",
            "fustat",
            "--by",
            "rx",
            "--tau",
            "500",
            "--format",
            "csv");
    assertEquals(0, days.code(), days.err());
    DataTable t = csv(days.out());
    Map<String, String> g = goldenRow("arms.csv", "ovarian_tau500", "2");
    close(Double.parseDouble(g.get("rmst")), num(t, row(t, "2", "rmst"), "estimate"), "rmst");
    Result months =
        run(
            "rmst",
            "--data",
            DS + "ovarian.csv",
            "--time",
            "futime",
            "--event",
            "fustat",
            "--by",
            "rx",
            "--tau",
            String.valueOf(500 / 30.4375),
            "--report-unit",
            "months",
            "--format",
            "csv");
    assertEquals(0, months.code(), months.err());
    DataTable m = csv(months.out());
    close(
        Double.parseDouble(g.get("rmst")) / 30.4375,
        num(m, row(m, "2", "rmst"), "estimate"),
        "rmst in months");
  }

  @Test
  void rmstBadInputIsExitTwo() {
    String[] data = {"--data", DS + "aml.csv", "--time", "time", "--event", "status", "--by", "x"};
    Result beyond = run(concat(new String[] {"rmst", "--tau", "1000"}, data));
    assertEquals(2, beyond.code());
    assertTrue(beyond.err().contains("must be at most 161"), beyond.err());
    Result neg = run(concat(new String[] {"rmst", "--tau", "-1"}, data));
    assertEquals(2, neg.code());
    Result strata = run(concat(new String[] {"rmst", "--strata", "x"}, data));
    assertEquals(2, strata.code());
  }

  @Test
  void rmstWithoutByGivesOneArm() throws IOException {
    Result run =
        run(
            "rmst",
            "--data",
            DS + "aml.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--tau",
            "50",
            "--format",
            "json");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("\"group\": \"ALL\""), run.out());
    assertTrue(run.out().contains("\"term\": \"rmst\""));
    // R: summary(survfit(Surv(time, status) ~ 1, aml), rmean = 50)$table: 27.17184265010352
    assertTrue(run.out().contains("\"estimate\": 27.1718426501035"), run.out());
    assertTrue(run.out().contains("se = 3.261539994214"), run.out());
  }
}
