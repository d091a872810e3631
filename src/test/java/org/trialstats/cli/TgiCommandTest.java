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

/** trialstats tgi end to end against R (golden/preclinical/tgi_*.csv), and its input errors. */
class TgiCommandTest {
  private static final String XEN = "datasets/preclinical/xenograft.csv";
  private static final String[] NUM = {
    "estimate", "conf_low", "conf_high", "p_value", "statistic", "df", "n", "events"
  };

  @TempDir Path tmp;

  private static void compareWithR(String golden, String... args) {
    PreclinicalCli.Run r = PreclinicalCli.run(args);
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    Map<String, Integer> idx = PreclinicalCli.index(out);
    DataTable g = Golden.read(golden);
    assertEquals(g.rowCount(), out.rowCount(), "row count vs R");
    for (int i = 0; i < g.rowCount(); i++) {
      String k = PreclinicalCli.key(g, i);
      Integer j = idx.get(k);
      assertNotNull(j, "missing row " + k);
      assertEquals("tgi", out.cell(j, "analysis"));
      for (String c : NUM) {
        // closed forms and t/normal tail probabilities: 1e-9 relative
        Golden.close(Golden.num(g.cell(i, c)), Golden.num(out.cell(j, c)), 1e-9, k + " " + c);
      }
    }
  }

  @Test
  void defaultDayMatchesR() {
    compareWithR(
        "tgi_default.csv", "tgi", "--data", XEN, "--control", "Vehicle", "--format", "csv");
  }

  @Test
  void day21WithLogFloorCrThresholdAndBhMatchesR() {
    compareWithR(
        "tgi_day21.csv",
        "tgi",
        "--data",
        XEN,
        "--control",
        "Vehicle",
        "--day",
        "21",
        "--log-floor",
        "1",
        "--cr-threshold",
        "30",
        "--adjust",
        "BH",
        "--format",
        "csv");
  }

  @Test
  void combinationVsSingleAgentsMatchesRAdjustedTogether() {
    compareWithR(
        "tgi_compare.csv",
        "tgi",
        "--data",
        XEN,
        "--control",
        "Vehicle",
        "--compare",
        "Combo:DrugA",
        "--compare",
        "Combo:DrugB",
        "--format",
        "csv");
  }

  @Test
  void allPairsAtDay21WithBhMatchesR() {
    compareWithR(
        "tgi_pairs_all_day21.csv",
        "tgi",
        "--data",
        XEN,
        "--control",
        "Vehicle",
        "--day",
        "21",
        "--log-floor",
        "1",
        "--cr-threshold",
        "30",
        "--adjust",
        "BH",
        "--pairs",
        "all",
        "--format",
        "csv");
  }

  @Test
  void badComparePairsExitTwoNamingTheOption() {
    String[][] bad = {
      {"--compare", "Combo-DrugA"},
      {"--compare", "Combo:Nope"},
      {"--compare", "Combo:Combo"},
      {"--compare", "Combo:Vehicle"},
      {"--compare", "Combo:DrugA", "--compare", "DrugA:Combo"},
      {"--pairs", "all", "--compare", "Combo:DrugB"},
      {"--pairs", "some"}
    };
    for (String[] extra : bad) {
      String[] args = new String[extra.length + 3];
      args[0] = "tgi";
      args[1] = "--data";
      args[2] = XEN;
      System.arraycopy(extra, 0, args, 3, extra.length);
      PreclinicalCli.Run r = PreclinicalCli.run(args);
      assertEquals(2, r.code(), String.join(" ", extra) + ": " + r.err());
      assertTrue(
          r.err().contains(extra[extra.length - 2]), String.join(" ", extra) + ": " + r.err());
    }
  }

  @Test
  void zeroVolumeWithoutLogFloorIsNotEstimableWithANote() {
    PreclinicalCli.Run r =
        PreclinicalCli.run("tgi", "--data", XEN, "--day", "21", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    Map<String, Integer> idx = PreclinicalCli.index(out);
    int welch = idx.get("Combo vs Vehicle|log_rtv|21|welch-t");
    assertEquals("", out.cell(welch, "estimate"));
    assertTrue(out.cell(welch, "note").contains("log floor"));
    // The rank test needs no log: still computed (ties at RTV 0 -> no exact test).
    int mw = idx.get("Combo vs Vehicle|rtv|21|wilcoxon-normal-cc");
    assertEquals("0", out.cell(mw, "statistic"));
    // Complete regressions: the two tumours recorded as 0.
    int cr = idx.get("Combo|complete_regression|21|clopper-pearson");
    assertEquals("2", out.cell(cr, "events"));
    assertEquals("8", out.cell(cr, "n"));
  }

  @Test
  void lengthAndWidthGiveVolumeLw2Over2AndPerAnimalRows() throws IOException {
    Path f = tmp.resolve("lw.csv");
    Files.writeString(
        f,
        "id,arm,day,L,W\n"
            + "c1,ctl,0,10,6\nc1,ctl,7,12,8\nc2,ctl,0,8,5\nc2,ctl,7,11,9\n"
            + "t1,trt,0,9,6\nt1,trt,7,9,5\nt2,trt,0,10,5\nt2,trt,7,10,6\n");
    PreclinicalCli.Run r =
        PreclinicalCli.run(
            "tgi",
            "--data",
            f.toString(),
            "--animal",
            "id",
            "--group",
            "arm",
            "--length",
            "L",
            "--width",
            "W",
            "--per-animal",
            "--adjust",
            "none",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    Map<String, Integer> idx = PreclinicalCli.index(out);
    // day 7 control volumes: 12*64/2 = 384 and 11*81/2 = 445.5 -> mean 414.75
    assertEquals(
        414.75,
        Double.parseDouble(out.cell(idx.get("ctl|mean|7|arithmetic-mean"), "estimate")),
        1e-12);
    // t1: 9*36/2 = 162 -> 9*25/2 = 112.5: RTV 0.6944..., a partial regression
    assertEquals(
        112.5 / 162,
        Double.parseDouble(out.cell(idx.get("trt/t1|rtv|7|ratio-to-baseline"), "estimate")),
        1e-12);
    assertEquals("1", out.cell(idx.get("trt|partial_regression|7|clopper-pearson"), "events"));
    // TGI = 1 - dT/dC: dT = ((112.5-162) + (180-125))/2 = 2.75; dC = ((384-180) + (445.5-100))/2
    double dc = ((384 - 180) + (445.5 - 100)) / 2;
    assertEquals(
        1 - 2.75 / dc,
        Double.parseDouble(out.cell(idx.get("trt|tgi|7|tgi-mean-change"), "estimate")),
        1e-12);
    assertTrue(r.out().lines().noneMatch(l -> l.contains("/none")), "no adjusted rows");
  }

  @Test
  void writesGrowthCurveSvg() throws IOException {
    Path svg = tmp.resolve("g.svg");
    PreclinicalCli.Run r =
        PreclinicalCli.run("tgi", "--data", XEN, "--plot", svg.toString(), "--plot-log");
    assertEquals(0, r.code(), r.err());
    String s = Files.readString(svg);
    assertTrue(s.startsWith("<svg"));
    assertTrue(s.contains(">Combo<") && s.contains(">Vehicle<"));
    assertTrue(r.out().contains("analysis day 17 (last day with every control animal)"), r.out());
  }

  private PreclinicalCli.Run runOn(String csv, String... extra) throws IOException {
    Path f = tmp.resolve("in.csv");
    Files.writeString(f, csv);
    String[] args = new String[extra.length + 3];
    args[0] = "tgi";
    args[1] = "--data";
    args[2] = f.toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return PreclinicalCli.run(args);
  }

  private static final String OK =
      "animal,group,day,volume\na,C,0,100\na,C,7,200\nb,C,0,110\nb,C,7,260\n"
          + "c,T,0,100\nc,T,7,120\nd,T,0,90\nd,T,7,100\n";

  @Test
  void badInputExitsTwoWithFileRowColumn() throws IOException {
    PreclinicalCli.Run r = runOn(OK.replace("b,C,7,260", "b,C,7,big"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("row 4") && r.err().contains("column volume"), r.err());

    r = runOn(OK.replace("b,C,7,260", "b,C,7,-5"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("non-negative"), r.err());

    r = runOn(OK + "a,C,7,210\n");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("one measurement per animal and day"), r.err());

    r = runOn(OK.replace("d,T,0,90", "d,C,0,90"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("column group"), r.err());

    r = runOn(OK.replace("d,T,0,90\n", ""));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("baseline day 0"), r.err());

    r = runOn(OK.replace("a,C,0,100", "a,C,0,0"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("positive baseline volume"), r.err());

    r = runOn(OK, "--control", "Vehicle");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the groups are: C, T"), r.err());

    r = runOn(OK, "--day", "5");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("the days are: 0, 7"), r.err());

    r = runOn(OK, "--adjust", "sidak");
    assertEquals(2, r.code());

    r = runOn(OK, "--length", "L");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--length and --width go together"), r.err());

    r = runOn(OK.replace(",T,", ",C,"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("at least one treated group"), r.err());
  }

  @Test
  void smallValidStudyRuns() throws IOException {
    PreclinicalCli.Run r = runOn(OK, "--format", "csv");
    assertEquals(0, r.code(), r.err());
    DataTable out = PreclinicalCli.csv(r.out());
    Map<String, Integer> idx = PreclinicalCli.index(out);
    // T/C = mean(120, 100) / mean(200, 260) = 110 / 230
    assertEquals(
        110.0 / 230,
        Double.parseDouble(out.cell(idx.get("T|t_over_c|7|tc-ratio-means"), "estimate")),
        1e-12);
  }
}
