package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;

/**
 * End to end: the bundled example reports, their numbers against R (golden/report/generate.R), the
 * HTML against results.csv, atomic replacement and escaping.
 */
class ReportCommandTest {
  @TempDir static Path shared;
  static Path examples;

  static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @BeforeAll
  static void buildExamples() {
    examples = shared.resolve("example");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = run(out, err, "report", "--out", examples.toString());
    assertEquals(0, rc, err.toString());
  }

  @Test
  void examplesHaveEveryFile() {
    for (String f :
        new String[] {
          "colon/report.html", "colon/results.csv", "colon/adtte_rfs.csv", "colon/spec.yaml",
          "lgsoc/report.html", "lgsoc/results.csv", "lgsoc/bor.csv", "lgsoc/adtte_pfs.csv",
          "preclinical/report.html", "preclinical/results.csv"
        }) {
      assertTrue(Files.isRegularFile(examples.resolve(f)), f);
    }
  }

  /** The example run also checks the shipped published claims (FRAME reproduced exactly). */
  @Test
  void examplesIncludePublishedClaimsCheck() throws Exception {
    assertTrue(Files.isRegularFile(examples.resolve("published/verify.html")));
    DataTable v = CsvReader.read(examples.resolve("published/verify.csv"));
    int frame = java.util.Arrays.asList(v.column("claim_id")).indexOf("FRAME-LGSOC-ORR");
    assertTrue(frame >= 0);
    assertEquals("reproduced", v.cell(frame, "verdict"));
    assertEquals("clopper-pearson", v.cell(frame, "matching_methods"));
    assertTrue(Files.readString(examples.resolve("index.html")).contains("published/verify.html"));
  }

  /** Every reference number computed by R matches results.csv (1e-6 relative). */
  @Test
  void colonNumbersMatchR() {
    int n = compareWithGolden("colon");
    assertTrue(n >= 50, "compared " + n);
  }

  @Test
  void lgsocNumbersMatchR() {
    int n = compareWithGolden("lgsoc");
    assertTrue(n >= 8, "compared " + n);
  }

  static final String[] NUMS = {"estimate", "conf_low", "conf_high", "p_value", "statistic"};

  static int compareWithGolden(String name) {
    DataTable g = CsvReader.read(Path.of("src/test/resources/golden/report/" + name + ".csv"));
    DataTable r = CsvReader.read(examples.resolve(name).resolve("results.csv"));
    int compared = 0;
    for (int i = 0; i < g.rowCount(); i++) {
      int k =
          find(r, g.cell(i, "analysis"), g.cell(i, "group"), g.cell(i, "term"), g.cell(i, "time"));
      assertTrue(k >= 0, "no result row for golden row " + (i + 1) + " of " + name);
      for (String c : NUMS) {
        String want = g.cell(i, c);
        String got = r.cell(k, c);
        String where =
            name
                + " "
                + g.cell(i, "analysis")
                + "/"
                + g.cell(i, "group")
                + "/"
                + g.cell(i, "term")
                + "/"
                + g.cell(i, "time")
                + " "
                + c;
        if (want.isEmpty()) {
          if (c.equals("estimate") || c.startsWith("conf")) {
            assertEquals("", got, where + ": R says not estimable");
          }
          continue;
        }
        assertFalse(got.isEmpty(), where + ": missing");
        double w = Double.parseDouble(want);
        double o = Double.parseDouble(got);
        assertEquals(w, o, 1e-6 * Math.max(Math.abs(w), 1e-12) + 1e-14, where);
        compared++;
      }
    }
    return compared;
  }

  static int find(DataTable r, String analysis, String group, String term, String time) {
    for (int i = 0; i < r.rowCount(); i++) {
      if (r.cell(i, "analysis").equals(analysis)
          && r.cell(i, "group").equals(group)
          && r.cell(i, "term").equals(term)
          && sameTime(r.cell(i, "time"), time)) {
        return i;
      }
    }
    return -1;
  }

  static boolean sameTime(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return Math.abs(Double.parseDouble(a) - Double.parseDouble(b)) < 1e-9;
  }

  /**
   * Every number in an HTML table cell (and every number-at-risk count in the KM figures) is a
   * value of results.csv, rounded as the report rounds (Fmt): proportions as percentages with one
   * decimal, other values with two or three decimals, counts as integers, p below 0.001 as
   * "<0.001".
   */
  @Test
  void htmlNumbersAreInResultsCsv() throws IOException {
    for (String name : new String[] {"colon", "lgsoc"}) {
      String html = Files.readString(examples.resolve(name).resolve("report.html"));
      DataTable r = CsvReader.read(examples.resolve(name).resolve("results.csv"));
      List<Double> values = new ArrayList<>();
      List<Double> pvals = new ArrayList<>();
      for (int i = 0; i < r.rowCount(); i++) {
        for (String c :
            new String[] {
              "estimate", "conf_low", "conf_high", "p_value", "statistic", "n", "events"
            }) {
          String v = r.cell(i, c);
          if (!v.isEmpty()) {
            values.add(Double.parseDouble(v));
          }
        }
        if (!r.cell(i, "p_value").isEmpty()) {
          pvals.add(Double.parseDouble(r.cell(i, "p_value")));
        }
      }
      List<String> cells = new ArrayList<>();
      Matcher m = Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(html);
      while (m.find()) {
        cells.add(m.group(1));
      }
      Matcher risk =
          Pattern.compile("class=\"risk\" data-tick=\"\\d+\">(\\d+)</text>").matcher(html);
      int riskCells = 0;
      while (risk.find()) {
        cells.add(risk.group(1));
        riskCells++;
      }
      assertTrue(cells.size() > 20 && riskCells > 5, name + ": too few numeric cells");
      int checked = 0;
      Pattern num = Pattern.compile("&lt;0\\.001|-?\\d+(\\.\\d+)?");
      for (String cell : cells) {
        if (cell.contains("SHA") || cell.isEmpty()) {
          continue;
        }
        Matcher t = num.matcher(cell);
        while (t.find()) {
          String tok = t.group();
          if (tok.equals("&lt;0.001")) {
            assertTrue(pvals.stream().anyMatch(p -> p < 0.001), name + ": <0.001 without such p");
            checked++;
            continue;
          }
          int dec = tok.contains(".") ? tok.length() - tok.indexOf('.') - 1 : 0;
          double x = Double.parseDouble(tok);
          boolean ok =
              values.stream()
                  .anyMatch(v -> round(v, dec).equals(tok) || round(100 * v, dec).equals(tok));
          assertTrue(
              ok, name + ": HTML number " + tok + " (cell '" + cell + "') is not in results.csv");
          checked++;
          assertTrue(Double.isFinite(x));
        }
      }
      assertTrue(checked > 40, name + ": checked " + checked);
    }
  }

  static String round(double v, int dec) {
    return String.format(Locale.ROOT, "%." + dec + "f", v);
  }

  @Test
  void htmlIsSelfContained() throws IOException {
    String html = Files.readString(examples.resolve("colon/report.html"));
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(
        html.contains("http://")
            && html.replace("http://www.w3.org/2000/svg", "").contains("http://"));
    assertFalse(html.contains("https://"), "nothing from the network");
    assertFalse(html.contains("<link"), "no external stylesheets");
    assertTrue(
        html.contains("<svg") && html.contains("class=\"km\"") && html.contains("Number at risk"));
    // Provenance: input digests and the spec.
    assertTrue(
        html.contains(org.trialstats.report.Fmt.sha256(Path.of("datasets/colon-adam/adtte.csv"))));
    assertEquals(1, count(html, "Generated</th>"), "the timestamp is in one place");
  }

  /**
   * Provenance paths do not depend on where the clone lives: relative to the working folder, else
   * to the spec's folder.
   */
  @Test
  void provenancePathsAreRelative(@TempDir Path tmp) throws IOException {
    String html = Files.readString(examples.resolve("colon/report.html"));
    assertTrue(html.contains("<td>ADTTE</td><td>datasets/colon-adam/adtte.csv</td>"), "input");
    assertTrue(html.contains("<td>spec</td><td>datasets/colon-adam/report.yaml</td>"), "spec");
    assertFalse(html.contains(Path.of("").toAbsolutePath().toString()), "no absolute path");
    Path spec = copyExample(tmp.resolve("in"), "outside the working folder");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        run(out, err, "report", "--spec", spec.toString(), "--out", tmp.resolve("r").toString()),
        err.toString());
    String other = Files.readString(tmp.resolve("r/report.html"));
    assertTrue(other.contains("<td>ADSL</td><td>adsl.csv</td>"), "relative to the spec's folder");
    assertTrue(other.contains("<td>spec</td><td>report.yaml</td>"));
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }

  static Path copyExample(Path dir, String title) throws IOException {
    Files.createDirectories(dir);
    for (String f : new String[] {"adsl.csv", "adrs.csv", "adtte.csv"}) {
      Files.copy(Path.of("datasets/sim-lgsoc").resolve(f), dir.resolve(f));
    }
    String spec =
        Files.readString(Path.of("datasets/sim-lgsoc/report.yaml"))
            .replaceFirst("(?m)^title: .*$", "title: \"" + title.replace("\"", "\\\"") + "\"");
    Path s = dir.resolve("report.yaml");
    Files.writeString(s, spec);
    return s;
  }

  @Test
  void textIsEscaped(@TempDir Path tmp) throws IOException {
    Path spec = copyExample(tmp.resolve("in"), "<script>alert('x')</script> & co");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        run(out, err, "report", "--spec", spec.toString(), "--out", tmp.resolve("r").toString()),
        err.toString());
    String html = Files.readString(tmp.resolve("r/report.html"));
    assertFalse(html.contains("<script"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
  }

  @Test
  void specErrorsAreExit2WithTheLine(@TempDir Path tmp) throws IOException {
    Path spec = copyExample(tmp.resolve("in"), "t");
    Files.writeString(
        spec, Files.readString(spec).replace("  interval: clopper-pearson", "  intervall: wilson"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        run(out, err, "report", "--spec", spec.toString(), "--out", tmp.resolve("r").toString()));
    assertTrue(err.toString().contains("unknown key 'intervall'"), err.toString());
    assertTrue(err.toString().matches("(?s).*line \\d+:.*"), err.toString());
    assertFalse(Files.exists(tmp.resolve("r")), "nothing written");
  }

  /** A failed run leaves the previous report untouched and no temporary folders behind. */
  @Test
  void failedRunKeepsThePreviousReport(@TempDir Path tmp) throws IOException {
    Path spec = copyExample(tmp.resolve("in"), "first");
    Path outDir = tmp.resolve("out/r");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "report", "--spec", spec.toString(), "--out", outDir.toString()));
    String before = Files.readString(outDir.resolve("report.html"));
    // Data error discovered while computing: bad censor code in ADTTE.
    Path adtte = tmp.resolve("in/adtte.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(adtte));
    String l = lines.get(2);
    lines.set(2, l.replace(",DAYS,0,", ",DAYS,x,").replace(",DAYS,1,", ",DAYS,x,"));
    Files.write(adtte, lines);
    Files.writeString(
        spec, Files.readString(spec).replace("title: \"first\"", "title: \"second\""));
    err = new StringWriter();
    assertEquals(2, run(out, err, "report", "--spec", spec.toString(), "--out", outDir.toString()));
    assertTrue(err.toString().contains("CNSR"), err.toString());
    assertEquals(before, Files.readString(outDir.resolve("report.html")));
    // A failure while writing the new folder: the old one stays, no temp folder is left.
    InputException ex =
        org.junit.jupiter.api.Assertions.assertThrows(
            InputException.class,
            () ->
                AtomicFiles.replaceDirectory(
                    outDir,
                    d -> {
                      Files.writeString(d.resolve("report.html"), "half");
                      throw new IOException("disk full");
                    }));
    assertNotNull(ex.getMessage());
    assertEquals(before, Files.readString(outDir.resolve("report.html")));
    try (Stream<Path> s = Files.list(outDir.getParent())) {
      assertEquals(List.of(outDir), s.toList(), "only the report folder remains");
    }
  }

  /**
   * A plain CSV (R's colon.csv as shipped: one row per subject and event type, status 1 = event)
   * with column mappings gives the same OS numbers as the ADaM conversion, checked against R.
   */
  @Test
  void plainCsvWithColumnMappings(@TempDir Path tmp) throws IOException {
    Path spec = tmp.resolve("plain.yaml");
    Files.writeString(
        spec,
        """
        title: colon.csv as shipped
        datasets: {adtte: %s}
        id: id
        treatment: {variable: rx, reference: Obs, order: [Obs, Lev, Lev+5FU]}
        time_to_event:
          - paramcd: OS
            where: {etype: 2}
            time: time
            event: status
            report_unit: years
            landmarks: [1, 3, 5]
        subgroups:
          variables: [sex]
          compare: [Lev+5FU]
        """
            .formatted(Path.of("datasets/r-survival/colon.csv").toAbsolutePath()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("r");
    assertEquals(
        0,
        run(out, err, "report", "--spec", spec.toString(), "--out", dir.toString()),
        err.toString());
    DataTable g = CsvReader.read(Path.of("src/test/resources/golden/report/colon.csv"));
    DataTable r = CsvReader.read(dir.resolve("results.csv"));
    int compared = 0;
    for (int i = 0; i < g.rowCount(); i++) {
      String a = g.cell(i, "analysis");
      if (!a.equals("OS:km") && !a.equals("OS:cox") && !a.equals("OS:logrank")) {
        continue;
      }
      int k = find(r, a, g.cell(i, "group"), g.cell(i, "term"), g.cell(i, "time"));
      assertTrue(k >= 0, "missing " + a + " " + g.cell(i, "group"));
      String want = g.cell(i, a.equals("OS:logrank") ? "statistic" : "estimate");
      String got = r.cell(k, a.equals("OS:logrank") ? "statistic" : "estimate");
      if (want.isEmpty()) {
        assertEquals("", got);
      } else {
        assertEquals(
            Double.parseDouble(want),
            Double.parseDouble(got),
            1e-6 * Math.abs(Double.parseDouble(want)));
      }
      compared++;
    }
    assertTrue(compared >= 15, "compared " + compared);
    assertTrue(Files.readString(dir.resolve("report.html")).contains("sex"));
  }

  /**
   * The report's km, cox and rmst rows of the colon example are the rows of the {@code km}, {@code
   * cox} and {@code rmst} commands run on the same data (same term, method, numbers and notes);
   * only the analysis carries the endpoint prefix.
   */
  @Test
  void colonRowsEqualTheCommands() throws IOException {
    DataTable r = CsvReader.read(examples.resolve("colon/results.csv"));
    String[] common = {
      "--data", "datasets/colon-adam/adtte.csv",
      "--where", "PARAMCD=RFS",
      "--by", "ARM",
      "--ref", "Obs",
      "--time-unit", "days",
      "--report-unit", "years",
      "--format", "csv"
    };
    int compared = 0;
    DataTable km = command(common, "km", "--at", "1,3,5");
    compared += sameRows(r, "RFS:km", km, "km");
    // the report shows the test across the three arms, not the pairwise ones
    compared += sameRows(r, "RFS:logrank", km.select(overall(km)), "logrank");
    compared += sameRows(r, "RFS:cox", command(common, "cox"), "cox");
    compared += sameRows(r, "RFS:rmst", command(common, "rmst", "--tau", "5"), "rmst");
    // 3 arms x (median, 3 landmarks, follow-up) + log-rank + 2 HRs + 3 RMST + 2 x (diff, ratio)
    assertEquals(15 + 1 + 2 + 3 + 4, compared);
  }

  static boolean[] overall(DataTable t) {
    boolean[] keep = new boolean[t.rowCount()];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = !t.cell(i, "group").contains(" vs ");
    }
    return keep;
  }

  static DataTable command(String[] common, String name, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of(name));
    args.addAll(List.of(common));
    args.addAll(List.of(extra));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, args.toArray(new String[0])), err.toString());
    return CsvReader.read(new java.io.StringReader(out.toString()), name, null);
  }

  /**
   * Every command row of the terms the report shows has a report row with the same group, term,
   * time, method, estimate, CI, p, statistic, n, events and note. Returns the rows compared.
   */
  static int sameRows(DataTable report, String analysis, DataTable cmd, String cmdAnalysis) {
    List<String> shown =
        List.of(
            "median",
            "survival",
            "followup_median",
            "logrank",
            "hr",
            "rmst",
            "difference",
            "ratio");
    int compared = 0;
    for (int i = 0; i < cmd.rowCount(); i++) {
      String term = cmd.cell(i, "term");
      if (!cmd.cell(i, "analysis").equals(cmdAnalysis) || !shown.contains(term)) {
        continue;
      }
      String where = analysis + " " + cmd.cell(i, "group") + " " + term + " " + cmd.cell(i, "time");
      int k = find(report, analysis, cmd.cell(i, "group"), term, cmd.cell(i, "time"));
      assertTrue(k >= 0, "no report row for " + where);
      for (String c : new String[] {"method", "n", "events", "conf_level", "note"}) {
        assertEquals(cmd.cell(i, c), report.cell(k, c), where + " " + c);
      }
      for (String c : NUMS) {
        String want = cmd.cell(i, c);
        String got = report.cell(k, c);
        if (want.isEmpty() || got.isEmpty()) {
          assertEquals(want, got, where + " " + c);
        } else {
          double w = Double.parseDouble(want);
          assertEquals(w, Double.parseDouble(got), 1e-12 * Math.abs(w), where + " " + c);
        }
      }
      compared++;
    }
    return compared;
  }

  /**
   * The preclinical example report (issue 9): its tgi rows are R's (golden/preclinical/
   * tgi_compare.csv, t.test / wilcox.test / p.adjust, 1e-9 relative), its animal survival rows R
   * survival's (survival.csv, survfit / survdiff / p.adjust, 1e-9) and its IC50 rows R nls's
   * (ic50.csv, 1e-6 relative); the page has the section with growth, survival and dose-response
   * figures.
   */
  @Test
  void preclinicalExampleMatchesR() throws IOException {
    DataTable out = CsvReader.read(examples.resolve("preclinical/results.csv"));
    java.util.Map<String, Integer> idx = new java.util.HashMap<>();
    for (int i = 0; i < out.rowCount(); i++) {
      idx.put(out.cell(i, "analysis") + "|" + PreclinicalCli.key(out, i), i);
    }
    String[] num = {"estimate", "conf_low", "conf_high", "p_value", "statistic", "df", "n"};
    DataTable g = org.trialstats.preclinical.Golden.read("tgi_compare.csv");
    for (int i = 0; i < g.rowCount(); i++) {
      String k = "tgi|" + PreclinicalCli.key(g, i);
      Integer j = idx.get(k);
      assertNotNull(j, "missing " + k);
      for (String c : num) {
        org.trialstats.preclinical.Golden.close(
            org.trialstats.preclinical.Golden.num(g.cell(i, c)),
            org.trialstats.preclinical.Golden.num(out.cell(j, c)),
            1e-9,
            k + " " + c);
      }
    }
    DataTable f = org.trialstats.preclinical.Golden.read("ic50.csv");
    int seen = 0;
    for (int i = 0; i < f.rowCount(); i++) {
      String grp = f.cell(i, "group");
      if (!grp.equals("CMPD-1") && !grp.equals("CMPD-2")) {
        continue;
      }
      String k = "ic50|" + grp + "|" + f.cell(i, "term") + "||" + f.cell(i, "method");
      Integer j = idx.get(k);
      assertNotNull(j, "missing " + k);
      for (String c : new String[] {"estimate", "conf_low", "conf_high", "df", "n"}) {
        org.trialstats.preclinical.Golden.close(
            org.trialstats.preclinical.Golden.num(f.cell(i, c)),
            org.trialstats.preclinical.Golden.num(out.cell(j, c)),
            1e-6,
            k + " " + c);
      }
      seen++;
    }
    assertEquals(14, seen);
    // animal survival: survfit medians (log CI), ILS, survdiff vs Vehicle, p.adjust holm
    DataTable sv = org.trialstats.preclinical.Golden.read("survival.csv");
    for (int i = 0; i < sv.rowCount(); i++) {
      String k = sv.cell(i, "analysis") + "|" + PreclinicalCli.key(sv, i);
      Integer j = idx.get(k);
      assertNotNull(j, "missing " + k);
      for (String c :
          new String[] {
            "estimate", "conf_low", "conf_high", "p_value", "statistic", "df", "n", "events"
          }) {
        org.trialstats.preclinical.Golden.close(
            org.trialstats.preclinical.Golden.num(sv.cell(i, c)),
            org.trialstats.preclinical.Golden.num(out.cell(j, c)),
            1e-9,
            k + " " + c);
      }
    }
    assertEquals(13, sv.rowCount());
    String html = Files.readString(examples.resolve("preclinical/report.html"));
    assertTrue(html.contains("Survival by group (Kaplan"), "animal survival figure");
    assertTrue(html.contains("ILS (%)"), "animal survival table");
    assertTrue(html.contains("<section id=\"preclinical\">"), "section");
    assertTrue(html.contains("Combo vs DrugA"), "combination vs single agent row");
    assertTrue(
        html.split("<svg", -1).length - 1 >= 3, "growth, survival and dose-response figures");
    assertTrue(
        Files.readString(examples.resolve("index.html")).contains("preclinical/report.html"));
  }

  @Test
  void badAnimalSurvivalBlocksAreExit2WithTheReason(@TempDir Path tmp) throws IOException {
    String data = Path.of("datasets/preclinical/survival.csv").toAbsolutePath().toString();
    String[][] cases = {
      {"    control: Saline\n", "no such group in column group", "Vehicle, DrugA, DrugB, Combo"},
      {"    event: group\n", "column group: expected an event indicator", "'Vehicle'"},
    };
    for (String[] c : cases) {
      Path spec = tmp.resolve("s.yaml");
      Files.writeString(
          spec, "title: t\npreclinical:\n  survival:\n    data: %s\n%s".formatted(data, c[0]));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      assertEquals(
          2,
          run(out, err, "report", "--spec", spec.toString(), "--out", tmp.resolve("o").toString()));
      assertTrue(err.toString().contains(c[1]), err.toString());
      assertTrue(err.toString().contains(c[2]), err.toString());
      assertTrue(!Files.exists(tmp.resolve("o")), "no partial report");
    }
    Path spec = tmp.resolve("nodata.yaml");
    Files.writeString(spec, "title: t\npreclinical:\n  survival:\n    control: Vehicle\n");
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        run(
            new StringWriter(),
            err,
            "report",
            "--spec",
            spec.toString(),
            "--out",
            tmp.resolve("o").toString()));
    assertTrue(err.toString().contains("preclinical.survival: 'data:'"), err.toString());
  }

  @Test
  void badPreclinicalSpecIsExit2NamingTheKey(@TempDir Path tmp) throws IOException {
    Path spec = tmp.resolve("pre.yaml");
    Files.writeString(
        spec,
        "title: t\npreclinical:\n  tgi:\n    data: %s\n    colour: red\n"
            .formatted(Path.of("datasets/preclinical/xenograft.csv").toAbsolutePath()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        run(out, err, "report", "--spec", spec.toString(), "--out", tmp.resolve("o").toString()));
    assertTrue(err.toString().contains("colour"), err.toString());
  }
}
