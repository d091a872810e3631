package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.CliRun.Result;
import org.trialstats.report.ResultRow;

/**
 * {@code trialstats orr} end to end: exit codes, contract CSV columns, text line style, bad input,
 * and the subject-level pipeline against R (golden/orr/cli_expected.csv from generate.R).
 */
class OrrCommandTest {

  /** Parses contract CSV output (no quoted commas in the numeric/name cells we read). */
  static List<Map<String, String>> csv(String text) {
    String[] lines = text.split("\n");
    assertEquals(String.join(",", ResultRow.COLUMNS), lines[0], "contract header");
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      List<String> cells = splitCsv(lines[i]);
      assertEquals(ResultRow.COLUMNS.length, cells.size(), "cells in line " + lines[i]);
      Map<String, String> m = new HashMap<>();
      for (int k = 0; k < cells.size(); k++) {
        m.put(ResultRow.COLUMNS[k], cells.get(k));
      }
      out.add(m);
    }
    return out;
  }

  private static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else if (c == '"') {
          q = false;
        } else {
          b.append(c);
        }
      } else if (c == '"') {
        q = true;
      } else if (c == ',') {
        out.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString());
    return out;
  }

  static Map<String, String> find(
      List<Map<String, String>> rows, String group, String term, String method) {
    for (Map<String, String> r : rows) {
      if (r.get("group").equals(group)
          && r.get("term").equals(term)
          && r.get("method").equals(method)) {
        return r;
      }
    }
    throw new AssertionError("no row " + group + "/" + term + "/" + method + " in " + rows);
  }

  static Path golden(String name) throws URISyntaxException {
    return Path.of(OrrCommandTest.class.getResource("/golden/orr/" + name).toURI());
  }

  @Test
  void frameSummaryTextAndCsv() {
    Result t = run("orr", "--responders", "11", "--n", "26");
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("11/26 (42.3%), 95% CI 23.4–63.1 [Clopper–Pearson]"), t.out());

    Result c = run("orr", "--responders", "11", "--n", "26", "--format", "csv");
    assertEquals(0, c.code(), c.err());
    Map<String, String> r = find(csv(c.out()), "ALL", "orr", "clopper-pearson");
    assertEquals("orr", r.get("analysis"));
    // R: binom.test(11, 26)$conf.int
    assertEquals(0.2335219831274435, Double.parseDouble(r.get("conf_low")), 1e-12);
    assertEquals(0.6308196190760335, Double.parseDouble(r.get("conf_high")), 1e-12);
    assertEquals(11.0 / 26, Double.parseDouble(r.get("estimate")), 1e-15);
    assertEquals("0.95", r.get("conf_level"));
    assertEquals("26", r.get("n"));
    assertEquals("11", r.get("events"));
  }

  @Test
  void ramp201AndConfLevel() {
    Result t = run("orr", "--responders", "25", "--n", "57");
    assertTrue(t.out().contains("25/57 (43.9%), 95% CI 30.7–57.6 [Clopper–Pearson]"), t.out());
    Result n = run("orr", "--responders", "25", "--n", "57", "--conf-level", "0.9");
    assertEquals(0, n.code());
    assertTrue(n.out().contains("90% CI"), n.out());
  }

  @Test
  void allMethodsByExactName() {
    Result c = run("orr", "--counts", "7/24", "--method", "all", "--format", "csv");
    assertEquals(0, c.code(), c.err());
    List<Map<String, String>> rows = csv(c.out());
    assertEquals(8, rows.size());
    for (String m :
        List.of(
            "clopper-pearson",
            "wilson",
            "wilson-cc",
            "jeffreys",
            "agresti-coull",
            "wald",
            "mid-p",
            "blaker")) {
      assertNotNull(find(rows, "ALL", "orr", m));
    }
    Result z = run("orr", "--counts", "0/9", "--method", "wald", "--format", "csv");
    assertTrue(
        find(csv(z.out()), "ALL", "orr", "wald").get("note").contains("zero width"), z.out());
    // R: prop.test(7, 24, correct = FALSE)$conf.int
    Map<String, String> w = find(rows, "ALL", "orr", "wilson");
    assertEquals(0.14914648196960872, Double.parseDouble(w.get("conf_low")), 1e-12);
  }

  @Test
  void twoArmsFromCounts() {
    Result c =
        run("orr", "--counts", "A:11/26,B:7/24", "--ref", "A", "--p0", "0.2", "--format", "csv");
    assertEquals(0, c.code(), c.err());
    List<Map<String, String>> rows = csv(c.out());
    // R: fisher.test(matrix(c(7, 11, 17, 15), 2))$p.value
    Map<String, String> f = find(rows, "B vs A", "fisher", "fisher-exact");
    assertEquals(0.38759840450244504, Double.parseDouble(f.get("p_value")), 1e-12);
    find(rows, "B vs A", "difference", "newcombe");
    find(rows, "B vs A", "difference", "miettinen-nurminen");
    find(rows, "B vs A", "difference", "wald");
    find(rows, "B vs A", "odds_ratio", "conditional-exact");
    find(rows, "B vs A", "odds_ratio", "woolf");
    // R: binom.test(11, 26, 0.2, alternative = "greater")$p.value
    Map<String, String> b = find(rows, "A", "binom_test", "exact-binomial-one-sided");
    assertEquals(0.007910310298349, Double.parseDouble(b.get("p_value")), 1e-12);
    Result t = run("orr", "--counts", "A:11/26,B:7/24");
    assertTrue(t.out().contains("B vs A: Fisher exact test two-sided p = 0.388"), t.out());
  }

  @Test
  void subjectDataMatchesR() throws Exception {
    List<Map<String, String>> expected = new ArrayList<>();
    List<String> lines = Files.readAllLines(golden("cli_expected.csv"));
    String[] head = lines.get(0).split(",");
    for (String l : lines.subList(1, lines.size())) {
      String[] v = l.split(",", -1);
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < head.length; i++) {
        m.put(head[i], v[i]);
      }
      expected.add(m);
    }
    int checked = 0;
    for (String codes : List.of("CR,PR", "CR,PR,SD")) {
      Result c =
          run(
              "orr",
              "--data",
              golden("subjects.csv").toString(),
              "--adsl",
              golden("adsl.csv").toString(),
              "--where",
              "PARAMCD=CBOR",
              "--where",
              "ITTFL=Y",
              "--by",
              "ARM",
              "--ref",
              "Control",
              "--strata",
              "SEX",
              "--p0",
              "0.2",
              "--responder-values",
              codes,
              "--format",
              "csv");
      assertEquals(0, c.code(), c.err());
      List<Map<String, String>> rows = csv(c.out());
      for (Map<String, String> e : expected) {
        if (!e.get("codes").replace(";", ",").equals(codes) && !e.get("codes").equals(codes)) {
          continue;
        }
        Map<String, String> a = find(rows, e.get("group"), e.get("term"), e.get("method"));
        for (String col : List.of("estimate", "conf_low", "conf_high", "p_value", "statistic")) {
          if (!e.get(col).equals("NA")) {
            double x = Double.parseDouble(e.get(col));
            double y = Double.parseDouble(a.get(col));
            assertEquals(x, y, 1e-6 * Math.max(1, Math.abs(x)), codes + " " + e + " " + col);
          }
        }
        assertEquals(e.get("n"), a.get("n"), e.toString());
        assertEquals(e.get("events"), a.get("events"), e.toString());
        checked++;
      }
      Map<String, String> active = find(rows, "Active", "orr", "clopper-pearson");
      assertEquals("14", active.get("n"));
      assertTrue(
          active.get("note").contains("4 subject(s) with missing response"), active.get("note"));
      assertTrue(active.get("note").contains("3 ADSL subject(s)"), active.get("note"));
    }
    assertTrue(checked >= 30, "checked " + checked);
  }

  @Test
  void unknownResponseCodesListedWithRows(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "USUBJID,AVALC\nA,CR\nB,PARTIAL\nC,PD\nD,Y\n");
    Result r = run("orr", "--data", f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("'PARTIAL' at row 2 (line 3)"), r.err());
    assertTrue(r.err().contains("'Y' at row 4 (line 5)"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void duplicateSubjectsRejected() throws Exception {
    Result r = run("orr", "--data", golden("subjects.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("subject S01 appears on lines 2 and 26"), r.err());
  }

  @Test
  void badSummaryInputExitsTwo(@TempDir Path dir) throws IOException {
    String[][] cases = {
      {"--responders", "30", "--n", "26"},
      {"--responders", "-1", "--n", "26"},
      {"--responders", "0", "--n", "0"},
      {"--responders", "3", "--n", "10", "--conf-level", "1"},
      {"--responders", "3", "--n", "10", "--conf-level", "0"},
      {"--responders", "3", "--n", "10", "--p0", "1.5"},
      {"--responders", "3"},
      {"--counts", "A:3/2"},
      {"--counts", "A:3-10"},
      {"--counts", "A:1/5,A:2/5"},
      {"--counts", "A:1/5,B:2/5", "--ref", "C"},
      {"--counts", "A:1/5", "--method", "exactish"},
      {"--counts", "A:1/5", "--responders", "1", "--n", "5"},
      {"--counts", "A:1/5", "--by", "ARM"},
      {"--responder-values", "CR,XR", "--counts", "1/5"},
      {}
    };
    for (String[] c : cases) {
      String[] args = new String[c.length + 1];
      args[0] = "orr";
      System.arraycopy(c, 0, args, 1, c.length);
      Result r = run(args);
      assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
      assertTrue(r.err().startsWith("trialstats: "), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
    }
    assertTrue(
        run("orr", "--responders", "30", "--n", "26").err().contains("30 responders of n = 26"));
    Path f = dir.resolve("counts.csv");
    Files.writeString(f, "group,responders,n\nA,3,10\nB,12,11\n");
    Result r = run("orr", "--counts-file", f.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("row 2 (line 3), column responders"), r.err());
  }

  @Test
  void countsFileWithStrata(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("counts.csv");
    // The first stratified golden dataset (strata.csv id 2): 7/11 vs 10/25, 1/4 vs 34/58, 5/11 vs
    // 32/53.
    Files.writeString(
        f,
        "group,stratum,responders,n\nB,s1,10,25\nB,s2,34,58\nB,s3,32,53\nA,s1,7,11\nA,s2,1,4\nA,s3,5,11\n");
    Result c = run("orr", "--counts-file", f.toString(), "--ref", "B", "--format", "csv");
    assertEquals(0, c.code(), c.err());
    assertEquals(
        c.out(), run("orr", "--counts", f.toString(), "--ref", "B", "--format", "csv").out());
    List<Map<String, String>> rows = csv(c.out());
    // R mantelhaen.test(correct = FALSE) and the Sato risk difference (golden/orr/strata.csv id 2).
    assertEquals(
        0.12798584007270891,
        Double.parseDouble(find(rows, "A vs B", "cmh", "cmh").get("statistic")),
        1e-9);
    assertEquals(
        0.85895664694894147,
        Double.parseDouble(
            find(rows, "A vs B", "odds_ratio", "mantel-haenszel-rbg").get("estimate")),
        1e-9);
    assertEquals(
        -0.26051310135611061,
        Double.parseDouble(
            find(rows, "A vs B", "difference", "mantel-haenszel-sato").get("conf_low")),
        1e-9);
  }

  @Test
  void jsonHasContractKeys() {
    Result c = run("orr", "--responders", "0", "--n", "12", "--format", "json");
    assertEquals(0, c.code());
    assertTrue(c.out().contains("\"method\": \"clopper-pearson\""), c.out());
    assertTrue(c.out().contains("\"conf_low\": 0,"), c.out());
  }

  @Test
  void defaultReferenceIsTheFirstSortedLevelAsInCox(@TempDir Path dir) throws IOException {
    // B rows first: file order would make B the reference; the shared rule (R factor order) makes
    // A the reference, as cox/km/rmst do on the same file.
    Path f = dir.resolve("arms.csv");
    StringBuilder b = new StringBuilder("USUBJID,ARM,AVALC,AVAL,CNSR\n");
    String[] arm = {"B", "B", "B", "B", "A", "A", "A", "A", "B", "A"};
    String[] resp = {"CR", "PD", "PR", "SD", "PD", "PR", "SD", "SD", "PD", "PD"};
    for (int i = 0; i < arm.length; i++) {
      b.append("S").append(i).append(',').append(arm[i]).append(',').append(resp[i]);
      b.append(',').append(i + 1).append(',').append(i % 3 == 0 ? 1 : 0).append('\n');
    }
    Files.writeString(f, b.toString());
    Result o = run("orr", "--data", f.toString(), "--by", "ARM", "--format", "csv");
    assertEquals(0, o.code(), o.err());
    List<Map<String, String>> rows = csv(o.out());
    // B 2/5 - A 1/5
    assertEquals(
        0.2, Double.parseDouble(find(rows, "B vs A", "difference", "wald").get("estimate")), 1e-12);
    Result c = run("cox", "--data", f.toString(), "--by", "ARM", "--format", "csv");
    assertEquals(0, c.code(), c.err());
    assertTrue(c.out().contains("B vs A"), c.out());
    // counts follow the same rule; --ref still overrides it
    assertTrue(run("orr", "--counts", "B:2/5,A:1/5").out().contains("B vs A: Fisher"));
    assertTrue(
        run("orr", "--counts", "B:2/5,A:1/5", "--ref", "B").out().contains("A vs B: Fisher"));
  }

  @Test
  void degenerateWaldIntervalsAreEmptyWithANote() {
    Result r = run("orr", "--counts", "A:0/10,B:0/12", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    List<Map<String, String>> rows = csv(r.out());
    Map<String, String> w = find(rows, "B vs A", "difference", "wald");
    assertEquals("0", w.get("estimate"));
    assertEquals("", w.get("conf_low"));
    assertEquals("", w.get("conf_high"));
    assertTrue(w.get("note").contains("Wald interval degenerate at 0 or 100%"), w.get("note"));
    // Newcombe stays: -(Wilson upper of 0/10), +(Wilson upper of 0/12);
    // R: prop.test(0, 10, correct = FALSE)$conf.int[2], prop.test(0, 12, ...)
    Map<String, String> nc = find(rows, "B vs A", "difference", "newcombe");
    assertEquals(-0.27753279986288915, Double.parseDouble(nc.get("conf_low")), 1e-9);
    assertEquals(0.24249400665524079, Double.parseDouble(nc.get("conf_high")), 1e-9);
    // all responders in both arms: also degenerate; one arm at a boundary is not
    Map<String, String> all =
        find(
            csv(run("orr", "--counts", "A:10/10,B:12/12", "--format", "csv").out()),
            "B vs A",
            "difference",
            "wald");
    assertEquals("", all.get("conf_low"));
    Map<String, String> one =
        find(
            csv(run("orr", "--counts", "A:0/10,B:3/12", "--format", "csv").out()),
            "B vs A",
            "difference",
            "wald");
    assertFalse(one.get("conf_low").isEmpty(), one.toString());
    // a single rate: Wald at x = 0 is empty with the same note
    Map<String, String> single =
        find(
            csv(run("orr", "--counts", "0/9", "--method", "wald", "--format", "csv").out()),
            "ALL",
            "orr",
            "wald");
    assertEquals("", single.get("conf_high"));
    assertTrue(single.get("note").contains("Wald interval degenerate at 0 or 100%"));
    assertTrue(run("orr", "--counts", "A:0/10,B:0/12").out().contains("degenerate"));
  }

  @Test
  void exactOddsRatioWithoutRespondersIsNotEstimable() {
    // R: fisher.test(matrix(c(0, 10, 0, 12), 2)) gives p = 1, estimate 0, CI 0-Inf: no information
    for (String counts : List.of("A:0/10,B:0/12", "A:10/10,B:12/12")) {
      Result r = run("orr", "--counts", counts, "--format", "csv");
      assertEquals(0, r.code(), r.err());
      List<Map<String, String>> rows = csv(r.out());
      Map<String, String> ex = find(rows, "B vs A", "odds_ratio", "conditional-exact");
      assertEquals("", ex.get("estimate"), counts);
      assertEquals("", ex.get("conf_low"), counts);
      assertEquals("", ex.get("conf_high"), counts);
      assertTrue(ex.get("note").contains("not estimable"), ex.get("note"));
      assertEquals(
          1.0,
          Double.parseDouble(find(rows, "B vs A", "fisher", "fisher-exact").get("p_value")),
          1e-12);
    }
    // one zero cell only: estimate 0 with an exact interval, as R
    Map<String, String> ok =
        find(
            csv(run("orr", "--counts", "A:3/10,B:0/12", "--format", "csv").out()),
            "B vs A",
            "odds_ratio",
            "conditional-exact");
    assertEquals("0", ok.get("estimate"));
  }

  @Test
  void stratifiedWithoutRespondersHasNoZeroWidthIntervals(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("zero.csv");
    Files.writeString(f, "group,stratum,responders,n\nA,s1,0,10\nA,s2,0,8\nB,s1,0,9\nB,s2,0,7\n");
    Result r = run("orr", "--counts-file", f.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    List<Map<String, String>> rows = csv(r.out());
    Map<String, String> sato = find(rows, "B vs A", "difference", "mantel-haenszel-sato");
    assertEquals("0", sato.get("estimate"));
    assertEquals("", sato.get("conf_low"));
    assertEquals("", sato.get("conf_high"));
    assertTrue(sato.get("note").contains("degenerate"), sato.get("note"));
    Map<String, String> cmh = find(rows, "B vs A", "cmh", "cmh");
    assertEquals("", cmh.get("statistic"));
    assertTrue(cmh.get("note").contains("not estimable"), cmh.get("note"));
    assertFalse(run("orr", "--counts-file", f.toString()).out().contains("p = ;"));
  }
}
