package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.concat;
import static org.trialstats.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.CliRun.Result;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/**
 * {@code trialstats subgroups} end to end: the tidy CSV compared with R (golden/subgroup: coxph
 * within levels, anova LR tests, glm odds ratios, survfit medians, p.adjust), plus input errors
 * (exit 2) and the forest plot file.
 */
class SubgroupsCommandTest {
  static final Path G = Path.of("src/test/resources/golden/subgroup");
  static final String[] COLON_TTE = {
    "subgroups",
    "--data",
    "datasets/r-survival/colon.csv",
    "--id",
    "id",
    "--where",
    "etype=1",
    "--where",
    "rx=Obs",
    "--where",
    "rx=Lev+5FU",
    "--time",
    "time",
    "--event",
    "status",
    "--by",
    "rx",
    "--ref",
    "Obs",
    "--subgroups",
    "sex,obstruct,node4,extent",
    "--cut",
    "age:65"
  };

  /** Rows keyed by "group|term". */
  static Map<String, Map<String, String>> csv(String text) {
    DataTable t = CliRun.csv(text);
    Map<String, Map<String, String>> out = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, String> row = new HashMap<>();
      for (String c : t.columnNames()) {
        row.put(c, t.cell(i, c));
      }
      out.put(t.cell(i, "group") + "|" + t.cell(i, "term"), row);
    }
    return out;
  }

  static double num(Map<String, String> row, String col) {
    String s = row.get(col);
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  static void close(double expected, double actual, double tol, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected empty, got " + actual);
      return;
    }
    assertTrue(
        Math.abs(expected - actual) <= tol * Math.max(1, Math.abs(expected)),
        what + ": expected " + expected + ", got " + actual);
  }

  static String colonGroup(String variable, String level) {
    return switch (variable) {
      case "ALL" -> "";
      case "age65" -> "age=" + level + "; ";
      default -> variable + "=" + level + "; ";
    };
  }

  @Test
  void timeToEventTableMatchesR() throws Exception {
    Result r = run(concat(COLON_TTE, "--format", "csv"));
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    DataTable hr = CsvReader.read(G.resolve("colon_cox_within.csv"));
    for (int i = 0; i < hr.rowCount(); i++) {
      String key = colonGroup(hr.cell(i, "variable"), hr.cell(i, "level")) + "Lev+5FU vs Obs|hr";
      Map<String, String> row = rows.get(key);
      assertNotNull(row, key);
      assertEquals(hr.cell(i, "n"), row.get("n"), key);
      assertEquals(hr.cell(i, "events"), row.get("events"), key);
      if (hr.cell(i, "level").equals("1") && hr.cell(i, "variable").equals("extent")) {
        assertEquals("", row.get("estimate"), "R's HR 1.39e9 must not be printed");
        assertTrue(row.get("note").contains("no events in Obs"), row.get("note"));
        continue;
      }
      close(Double.parseDouble(hr.cell(i, "hr")), num(row, "estimate"), 1e-6, key);
      close(Double.parseDouble(hr.cell(i, "conf_low")), num(row, "conf_low"), 1e-6, key);
      close(Double.parseDouble(hr.cell(i, "conf_high")), num(row, "conf_high"), 1e-6, key);
      close(Double.parseDouble(hr.cell(i, "p_wald")), num(row, "p_value"), 1e-6, key);
      assertEquals("cox-efron/wald", row.get("method"));
      assertEquals("unadjusted", row.get("note"));
    }
    DataTable med = CsvReader.read(G.resolve("colon_km_medians.csv"));
    for (int i = 0; i < med.rowCount(); i++) {
      String key =
          colonGroup(med.cell(i, "variable"), med.cell(i, "level"))
              + med.cell(i, "arm")
              + "|median";
      Map<String, String> row = rows.get(key);
      assertNotNull(row, key);
      assertEquals(med.cell(i, "n"), row.get("n"), key);
      for (String[] c :
          new String[][] {{"median", "estimate"}, {"lower", "conf_low"}, {"upper", "conf_high"}}) {
        String e = med.cell(i, c[0]);
        close(e.isEmpty() ? Double.NaN : Double.parseDouble(e), num(row, c[1]), 1e-9, key + c[0]);
      }
    }
    DataTable lr = CsvReader.read(G.resolve("lr_tests.csv"));
    int k = 0;
    for (int i = 0; i < lr.rowCount(); i++) {
      if (!lr.cell(i, "dataset").equals("colon")) {
        continue;
      }
      String v = lr.cell(i, "variable").equals("age65") ? "age" : lr.cell(i, "variable");
      Map<String, String> row = rows.get(v + "|interaction");
      assertNotNull(row, v);
      close(Double.parseDouble(lr.cell(i, "statistic")), num(row, "statistic"), 1e-6, v);
      close(Double.parseDouble(lr.cell(i, "p_value")), num(row, "p_value"), 1e-6, v);
      assertEquals(lr.cell(i, "df"), row.get("df"));
      assertTrue(row.get("note").startsWith("unadjusted"), row.get("note"));
      k++;
    }
    assertEquals(5, k);
  }

  @Test
  void holmAndBhAdjustmentMatchPAdjust() throws Exception {
    DataTable g = CsvReader.read(G.resolve("colon_interaction_adjusted.csv"));
    for (String m : new String[] {"holm", "bh"}) {
      Result r = run(concat(COLON_TTE, "--format", "csv", "--adjust", m));
      assertEquals(0, r.code(), r.err());
      Map<String, Map<String, String>> rows = csv(r.out());
      for (int i = 0; i < g.rowCount(); i++) {
        String v = g.cell(i, "variable").equals("age65") ? "age" : g.cell(i, "variable");
        Map<String, String> row = rows.get(v + "|interaction");
        close(Double.parseDouble(g.cell(i, m)), num(row, "p_value"), 1e-6, m + " " + v);
        assertTrue(row.get("note").contains("adjusted over 5 interaction tests"), row.get("note"));
      }
    }
    Result text = run(concat(COLON_TTE, "--adjust", "holm"));
    assertTrue(text.out().contains("P-values adjusted for multiplicity (holm)"), text.out());
  }

  @Test
  void textSaysPValuesAreUnadjusted() {
    Result r = run(COLON_TTE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("P-values are unadjusted for multiplicity"), r.out());
    assertTrue(r.out().contains("no events in Obs: hazard ratio not estimable"));
  }

  @Test
  void responseEndpointMatchesGlm() throws Exception {
    // colon2: response = recurrence status (1) in etype 1; logistic interaction LR tests.
    String[] args = {
      "subgroups",
      "--endpoint",
      "response",
      "--data",
      "datasets/r-survival/colon.csv",
      "--id",
      "id",
      "--where",
      "etype=1",
      "--where",
      "rx=Obs",
      "--where",
      "rx=Lev+5FU",
      "--response",
      "status",
      "--responder-values",
      "1",
      "--by",
      "rx",
      "--ref",
      "Obs",
      "--subgroups",
      "sex,obstruct,node4,extent",
      "--cut",
      "age:65",
      "--format",
      "csv"
    };
    Result r = run(args);
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    DataTable or = CsvReader.read(G.resolve("colon_or_within.csv"));
    for (int i = 0; i < or.rowCount(); i++) {
      String key =
          colonGroup(or.cell(i, "variable"), or.cell(i, "level")) + "Lev+5FU vs Obs|odds_ratio";
      Map<String, String> row = rows.get(key);
      assertNotNull(row, key);
      if (or.cell(i, "x_ref").equals("0")) {
        assertEquals("", row.get("estimate"), "R's OR 3e13 must not be printed");
        assertTrue(row.get("note").startsWith("no responders in Obs"), row.get("note"));
        continue;
      }
      close(Double.parseDouble(or.cell(i, "odds_ratio")), num(row, "estimate"), 1e-6, key);
      close(Double.parseDouble(or.cell(i, "conf_low")), num(row, "conf_low"), 1e-6, key);
      close(Double.parseDouble(or.cell(i, "conf_high")), num(row, "conf_high"), 1e-6, key);
      String arm = colonGroup(or.cell(i, "variable"), or.cell(i, "level")) + "Obs|orr";
      close(
          Double.parseDouble(or.cell(i, "x_ref")) / Double.parseDouble(or.cell(i, "n_ref")),
          num(rows.get(arm), "estimate"),
          1e-12,
          arm);
    }
    DataTable lr = CsvReader.read(G.resolve("lr_tests.csv"));
    for (int i = 0; i < lr.rowCount(); i++) {
      if (!lr.cell(i, "dataset").equals("colon2")) {
        continue; // seeded: seededResponseWithSeparationAndQuantileCut
      }
      String v = lr.cell(i, "variable").equals("age65") ? "age" : lr.cell(i, "variable");
      Map<String, String> row = rows.get(v + "|interaction");
      close(Double.parseDouble(lr.cell(i, "statistic")), num(row, "statistic"), 1e-6, v);
      close(Double.parseDouble(lr.cell(i, "p_value")), num(row, "p_value"), 1e-6, v);
      assertEquals("likelihood-ratio/logistic", row.get("method"));
    }
  }

  @Test
  void seededResponseWithSeparationAndQuantileCut(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("forest.svg");
    Result r =
        run(
            "subgroups",
            "--endpoint",
            "response",
            "--data",
            G.resolve("seeded.csv").toString(),
            "--by",
            "ARM",
            "--ref",
            "Placebo",
            "--subgroups",
            "SEX,REGION",
            "--cut",
            "AGE:q2",
            "--format",
            "csv",
            "--plot",
            svg.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    DataTable lr = CsvReader.read(G.resolve("lr_tests.csv"));
    Map<String, String> names = Map.of("SEX", "SEX", "REGION", "REGION", "AGEQ2", "AGE");
    for (int i = 0; i < lr.rowCount(); i++) {
      if (!(lr.cell(i, "dataset").equals("seeded") && lr.cell(i, "endpoint").equals("response"))) {
        continue;
      }
      Map<String, String> row = rows.get(names.get(lr.cell(i, "variable")) + "|interaction");
      close(
          Double.parseDouble(lr.cell(i, "statistic")), num(row, "statistic"), 1e-6, row.toString());
      close(Double.parseDouble(lr.cell(i, "p_value")), num(row, "p_value"), 1e-6, row.toString());
    }
    assertTrue(rows.get("REGION|interaction").get("note").contains("limiting likelihood"));
    Map<String, String> asia = rows.get("REGION=Asia; Drug vs Placebo|odds_ratio");
    assertEquals("", asia.get("estimate"));
    assertEquals("all responded in Drug: odds ratio not estimable", asia.get("note"));
    assertNotNull(rows.get("AGE=<63; Drug vs Placebo|odds_ratio"), rows.keySet().toString());
    String plot = Files.readString(svg);
    assertEquals(7, count(plot, "class=\"row level\""), "one row per level");
    assertEquals(3, count(plot, "class=\"row header\""));
    assertEquals(1, count(plot, "class=\"row overall\""));
    assertFalse(plot.contains("NaN"));
    assertTrue(plot.contains("Favours Drug"));
  }

  @Test
  void seededTimeToEventInteraction() throws Exception {
    Result r =
        run(
            "subgroups",
            "--data",
            G.resolve("seeded.csv").toString(),
            "--by",
            "ARM",
            "--ref",
            "Placebo",
            "--subgroups",
            "SEX,REGION",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    DataTable lr = CsvReader.read(G.resolve("lr_tests.csv"));
    int k = 0;
    for (int i = 0; i < lr.rowCount(); i++) {
      if (lr.cell(i, "dataset").equals("seeded") && lr.cell(i, "endpoint").equals("tte")) {
        Map<String, String> row = rows.get(lr.cell(i, "variable") + "|interaction");
        close(Double.parseDouble(lr.cell(i, "statistic")), num(row, "statistic"), 1e-6, "tte");
        close(Double.parseDouble(lr.cell(i, "p_value")), num(row, "p_value"), 1e-6, "tte");
        k++;
      }
    }
    assertEquals(2, k);
  }

  @Test
  void singleArmGivesPerLevelMediansWithoutComparisons(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("single.svg");
    Result r =
        run(
            "subgroups",
            "--data",
            G.resolve("seeded.csv").toString(),
            "--subgroups",
            "SEX",
            "--format",
            "csv",
            "--plot",
            svg.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    assertNotNull(rows.get("ALL|median"));
    assertNotNull(rows.get("SEX=F|median"));
    assertNull(rows.get("SEX|interaction"));
    assertTrue(rows.keySet().stream().noneMatch(k -> k.endsWith("|hr")));
    assertEquals(2, count(Files.readString(svg), "class=\"row level\""));
  }

  @Test
  void missingSubgroupValuesAreExcludedWithANote(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("d.csv");
    StringBuilder b = new StringBuilder("USUBJID,ARM,GRP,AVAL,CNSR\n");
    for (int i = 0; i < 40; i++) {
      b.append("S")
          .append(i)
          .append(',')
          .append(i % 2 == 0 ? "A" : "B")
          .append(',')
          .append(i < 3 ? "" : (i % 3 == 0 ? "x" : "y"))
          .append(',')
          .append(5 + i)
          .append(',')
          .append(i % 4 == 0 ? 1 : 0)
          .append('\n');
    }
    Files.writeString(data, b.toString());
    Result r =
        run(
            "subgroups",
            "--data",
            data.toString(),
            "--by",
            "ARM",
            "--subgroups",
            "GRP",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    assertTrue(rows.get("GRP|interaction").get("note").contains("3 subject(s) with missing GRP"));
    assertEquals("37", rows.get("GRP|interaction").get("n"));
  }

  @Test
  void badInputIsExitTwoWithAClearMessage(@TempDir Path dir) throws Exception {
    Result r = run(concat(COLON_TTE, "--cut", "age:abc"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--cut age:abc"), r.err());
    r = run(concat(COLON_TTE, "--cut", "age"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("expected COL:VALUE"), r.err());
    r = run(concat(COLON_TTE, "--cut", "age:q1"));
    assertEquals(2, r.code());
    r = run(concat(COLON_TTE, "--subgroups", "nosuch"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no column 'nosuch'"), r.err());
    r = run(concat(COLON_TTE, "--subgroups", "id"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--cut id:"), r.err());
    r = run(concat(COLON_TTE, "--cut", "rx:5"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("column rx: expected a number"), r.err());
    r = run("subgroups", "--data", "datasets/r-survival/colon.csv");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--subgroups"), r.err());
    r = run(concat(COLON_TTE, "--ties", "fast"));
    assertEquals(2, r.code());
    Path noResp = dir.resolve("r.csv");
    Files.writeString(noResp, "USUBJID,ARM,SEX,AVALC\n1,A,F,CR\n2,B,M,\n3,B,F,pr\n");
    String[] resp = {
      "subgroups",
      "--endpoint",
      "response",
      "--data",
      noResp.toString(),
      "--by",
      "ARM",
      "--subgroups",
      "SEX"
    };
    r = run(resp);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1 subject(s) with an empty AVALC counted as non-responders"));
    assertTrue(r.out().contains("2 responders"), "pr matches PR ignoring case: " + r.out());
    r = run(concat(resp, "--responder-values", ","));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--responder-values"), r.err());
  }

  @Test
  void threeArmsPlotTheChosenArmAndTestAllJointly(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("three.svg");
    // colon3 (Obs, Lev, Lev+5FU): the logistic interaction LR has 2 df for sex (R anova).
    Result r =
        run(
            "subgroups",
            "--endpoint",
            "response",
            "--data",
            "datasets/r-survival/colon.csv",
            "--id",
            "id",
            "--where",
            "etype=1",
            "--response",
            "status",
            "--responder-values",
            "1",
            "--by",
            "rx",
            "--ref",
            "Obs",
            "--subgroups",
            "sex",
            "--format",
            "csv",
            "--plot",
            svg.toString(),
            "--plot-arm",
            "Lev+5FU",
            "--effect",
            "difference");
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    DataTable lr = CsvReader.read(G.resolve("lr_tests.csv"));
    for (int i = 0; i < lr.rowCount(); i++) {
      if (lr.cell(i, "dataset").equals("colon3") && lr.cell(i, "variable").equals("sex")) {
        Map<String, String> row = rows.get("sex|interaction");
        close(Double.parseDouble(lr.cell(i, "statistic")), num(row, "statistic"), 1e-6, "3 arms");
        assertEquals("2", row.get("df"));
      }
    }
    assertNotNull(rows.get("sex=1; Lev vs Obs|odds_ratio"));
    assertNotNull(rows.get("sex=1; Lev+5FU vs Obs|difference"));
    String plot = Files.readString(svg);
    assertTrue(plot.contains("Difference in response rate (Lev+5FU vs Obs)"), "linear axis label");
    assertFalse(plot.contains("log scale"));
    assertTrue(plot.contains("Comparison shown: Lev+5FU vs Obs"));
    Result bad = run(concat(COLON_TTE, "--plot", svg.toString(), "--plot-arm", "Obs"));
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--plot-arm Obs"), bad.err());
    assertEquals("", bad.out(), "nothing is written before the error");
  }

  @Test
  void emptyAndOneArmLevelsAreShownWithReasons() throws Exception {
    String[] args = java.util.Arrays.copyOf(COLON_TTE, COLON_TTE.length - 4);
    Result r = run(concat(args, "--cut", "age:20,200", "--format", "csv"));
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    assertEquals("no subjects", rows.get("age=>=200; Lev+5FU vs Obs|hr").get("note"));
    assertEquals("no subjects in Lev+5FU", rows.get("age=<20; Lev+5FU vs Obs|hr").get("note"));
    Map<String, String> test = rows.get("age|interaction");
    assertEquals("0", test.get("df"));
    assertEquals("", test.get("p_value"));
    assertTrue(test.get("note").startsWith("no estimable interaction"), test.get("note"));
  }

  @Test
  void singleArmResponseAndJson() {
    Result r =
        run(
            "subgroups",
            "--endpoint",
            "response",
            "--data",
            G.resolve("seeded.csv").toString(),
            "--subgroups",
            "SEX",
            "--format",
            "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"group\": \"SEX=F\", \"term\": \"orr\""), r.out());
    assertTrue(r.out().contains("\"method\": \"clopper-pearson\""));
    assertFalse(r.out().contains("interaction"));
  }

  static int count(String s, String what) {
    int k = 0;
    int i = 0;
    while ((i = s.indexOf(what, i)) >= 0) {
      k++;
      i += what.length();
    }
    return k;
  }

  @Test
  void responseDifferenceDefaultsToNewcombeAndNeverPrintsAZeroWidthInterval(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("resp.csv");
    StringBuilder b = new StringBuilder("USUBJID,ARM,SEX,AVALC\n");
    // SEX=F: nobody responds in either arm (0/10 vs 0/10); SEX=M: 3/10 vs 5/10.
    for (int i = 0; i < 40; i++) {
      String arm = i % 2 == 0 ? "B" : "A";
      String sex = i < 20 ? "F" : "M";
      boolean yes = sex.equals("M") && (arm.equals("A") ? i < 26 : i < 30);
      b.append("S").append(i).append(',').append(arm).append(',').append(sex);
      b.append(',').append(yes ? "PR" : "PD").append('\n');
    }
    Files.writeString(f, b.toString());
    String[] args = {
      "subgroups",
      "--endpoint",
      "response",
      "--data",
      f.toString(),
      "--by",
      "ARM",
      "--subgroups",
      "SEX",
      "--format",
      "csv"
    };
    Result r = run(args);
    assertEquals(0, r.code(), r.err());
    Map<String, Map<String, String>> rows = csv(r.out());
    Map<String, String> d = rows.get("SEX=F; B vs A|difference");
    assertNotNull(d, rows.keySet().toString());
    assertEquals("newcombe", d.get("method"));
    // R: prop.test(0, 10, correct = FALSE)$conf.int[2] = 0.27753279986288915
    close(-0.27753279986288915, num(d, "conf_low"), 1e-9, "newcombe low");
    close(0.27753279986288915, num(d, "conf_high"), 1e-9, "newcombe high");
    Result w = run(concat(args, "--diff-method", "wald"));
    assertEquals(0, w.code(), w.err());
    Map<String, String> dw = csv(w.out()).get("SEX=F; B vs A|difference");
    assertEquals("wald", dw.get("method"));
    assertEquals("", dw.get("conf_low"));
    assertEquals("", dw.get("conf_high"));
    assertTrue(dw.get("note").contains("Wald interval degenerate at 0 or 100%"), dw.get("note"));
    assertFalse(
        run(concat(args, "--diff-method", "wald", "--format", "text")).out().contains("[0, 0]"));
  }
}
