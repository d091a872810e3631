package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.io.DataTable;
import org.trialstats.preclinical.Golden;

/** trialstats ic50 end to end against R nls (golden/preclinical/ic50.csv), and input errors. */
class Ic50CommandTest {
  private static final String[] NUM = {"estimate", "conf_low", "conf_high", "df", "n"};

  @TempDir Path tmp;

  /** Compares the output rows of {@code group} with golden rows labelled {@code goldenLabel}. */
  private static void compare(DataTable out, String group, String goldenLabel) {
    Map<String, Integer> idx = PreclinicalCli.index(out);
    DataTable g = Golden.read("ic50.csv");
    int seen = 0;
    for (int i = 0; i < g.rowCount(); i++) {
      if (!g.cell(i, "group").equals(goldenLabel)) {
        continue;
      }
      seen++;
      String k = group + "|" + g.cell(i, "term") + "||" + g.cell(i, "method");
      Integer j = idx.get(k);
      assertNotNull(j, "missing " + k + " in " + idx.keySet());
      assertEquals("ic50", out.cell(j, "analysis"));
      for (String c : NUM) {
        Golden.close(Golden.num(g.cell(i, c)), Golden.num(out.cell(j, c)), 1e-6, k + " " + c);
      }
    }
    assertTrue(seen >= 5);
  }

  @Test
  void dnaseRun1MatchesNls() {
    PreclinicalCli.Run r =
        PreclinicalCli.run(
            "ic50",
            "--data",
            "datasets/preclinical/dnase1.csv",
            "--response",
            "density",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    assertEquals(7, out.rowCount());
    compare(out, "ALL", "DNase1");
  }

  @Test
  void compoundsByGroupAndFixedPlateausMatchNls() {
    PreclinicalCli.Run r =
        PreclinicalCli.run(
            "ic50",
            "--data",
            "datasets/preclinical/dose_response.csv",
            "--by",
            "compound",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    compare(out, "CMPD-1", "CMPD-1");
    compare(out, "CMPD-2", "CMPD-2");

    r =
        PreclinicalCli.run(
            "ic50",
            "--data",
            "datasets/preclinical/dose_response.csv",
            "--where",
            "compound=CMPD-1",
            "--bottom",
            "0",
            "--top",
            "100",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    out = PreclinicalCli.csv(r.out());
    compare(out, "ALL", "CMPD-1 fixed 0-100");
    Map<String, Integer> idx = PreclinicalCli.index(out);
    assertEquals("100", out.cell(idx.get("ALL|top||fixed"), "estimate"));

    r =
        PreclinicalCli.run(
            "ic50",
            "--data",
            "datasets/preclinical/dose_response.csv",
            "--where",
            "compound=CMPD-2",
            "--bottom",
            "10",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    compare(PreclinicalCli.csv(r.out()), "ALL", "CMPD-2 fixed bottom 10");
  }

  @Test
  void writesDoseResponseSvgAndNamesTheMethod() throws IOException {
    Path svg = tmp.resolve("d.svg");
    PreclinicalCli.Run r =
        PreclinicalCli.run(
            "ic50",
            "--data",
            "datasets/preclinical/dose_response.csv",
            "--by",
            "compound",
            "--conc-unit",
            "uM",
            "--plot",
            svg.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Wald t (residual df) on log10 IC50"), r.out());
    String s = Files.readString(svg);
    assertTrue(s.contains(">IC50 2.17<") && s.contains(">IC50 0.327<"), s);
    assertEquals(48, s.split("<circle", -1).length - 1); // every well drawn
  }

  private PreclinicalCli.Run runOn(String csv, String... extra) throws IOException {
    Path f = tmp.resolve("dr.csv");
    Files.writeString(f, csv);
    String[] args = new String[extra.length + 3];
    args[0] = "ic50";
    args[1] = "--data";
    args[2] = f.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return PreclinicalCli.run(args);
  }

  @Test
  void badInputExitsTwo() throws IOException {
    PreclinicalCli.Run r = runOn("conc,response\n0,100\n0.1,90\n1,50\n10,10\n100,5\n");
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("row 1") && r.err().contains("column conc") && r.err().contains("'0'"),
        r.err());

    r = runOn("conc,response\n0.1,90\n1,50\n10,10\n100,5\n");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("4 points for 4 free parameters"), r.err());

    r = runOn("conc,response\n0.1,90\n0.1,91\n1,50\n1,49\n10,10\n10,11\n");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("3 distinct concentrations"), r.err());

    r = runOn("conc,response\n0.1,7\n1,7\n10,7\n100,7\n1000,7\n");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("IC50 not estimable: the response is flat"), r.err());

    r = runOn("conc,response\n0.1,abc\n1,50\n10,10\n100,5\n1000,4\n");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("column response"), r.err());
  }

  @Test
  void fixingBothPlateausNeedsOnlyThreePoints() throws IOException {
    PreclinicalCli.Run r =
        runOn(
            "conc,response\n0.1,91\n1,48\n10,9\n",
            "--bottom",
            "0",
            "--top",
            "100",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    Map<String, Integer> idx = PreclinicalCli.index(out);
    assertEquals("1", out.cell(idx.get("ALL|ic50||4pl-lm/wald-t"), "df"));
  }

  @Test
  void trendlessResponseIsReportedNotEstimable() throws IOException {
    PreclinicalCli.Run r =
        runOn(
            "conc,response\n1,5\n2,4.8\n3,5.2\n4,5.1\n5,4.9\n6,5\n7,5.1\n8,4.95\n",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    assertEquals(1, out.rowCount());
    assertEquals("", out.cell(0, "estimate"));
    assertTrue(out.cell(0, "note").startsWith("IC50 not estimable"));
  }

  @Test
  void singularTrendlessFitLeavesIc50AndHillEmptyWithTheNote() throws IOException {
    // replicate wells around 50 with no trend: least squares finds a flat line with an arbitrary
    // steep step, whose location (IC50) and slope (Hill) are not identified
    PreclinicalCli.Run r =
        runOn(
            "conc,response\n0.01,50\n0.01,52\n0.1,49\n0.1,51\n1,50\n1,50.5\n10,49.5\n10,51\n"
                + "100,50.2\n100,49.8\n",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    int seen = 0;
    for (int i = 0; i < out.rowCount(); i++) {
      String term = out.cell(i, "term");
      if (term.equals("ic50") || term.equals("log10_ic50") || term.equals("hill")) {
        seen++;
        assertEquals("", out.cell(i, "estimate"), term);
        assertEquals("", out.cell(i, "conf_low"), term);
        assertEquals("", out.cell(i, "conf_high"), term);
        assertTrue(out.cell(i, "note").startsWith("IC50 not estimable"), term);
      }
    }
    assertEquals(3, seen);
  }
}
