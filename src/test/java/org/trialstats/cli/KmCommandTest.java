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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.CliRun.Result;
import org.trialstats.io.DataTable;

/** The km command end to end: contract rows checked against R golden values, and bad input. */
class KmCommandTest {
  static final String G = "src/test/resources/golden/km/";
  @TempDir Path tmp;

  static int row(DataTable t, String group, String term, String time) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.cell(i, "group").equals(group)
          && t.cell(i, "term").equals(term)
          && t.cell(i, "time").equals(time)) {
        return i;
      }
    }
    throw new AssertionError("no row " + group + "/" + term + "/" + time);
  }

  static double d(DataTable t, int i, String c) {
    return Double.parseDouble(t.cell(i, c));
  }

  /**
   * R: f <- survfit(Surv(time, status) ~ group, aml-data, conf.type = "log-log"); quantile(f) and
   * survdiff(..., rho = 0) — the values in golden quantiles.csv and tests.csv.
   */
  @Test
  void amlMedianAndLogRankMatchR() throws IOException {
    Result r =
        run(
            "km",
            "--data",
            G + "input_aml.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--by",
            "group",
            "--conf-type",
            "log-log",
            "--at",
            "12",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    int m = row(t, "Nonmaintained", "median", "");
    // quantiles.csv: "aml","Nonmaintained","log-log","0.95","0.50","23","5","33"
    assertEquals(23, d(t, m, "estimate"), 1e-12);
    assertEquals(5, d(t, m, "conf_low"), 1e-12);
    assertEquals(33, d(t, m, "conf_high"), 1e-12);
    assertEquals("brookmeyer-crowley/log-log (r rules)", t.cell(m, "method"));
    int lr = row(t, "Nonmaintained vs Maintained", "logrank", "");
    // tests.csv: aml,0,logrank,survdiff,3.39638869897760109495,1,0.06533932204050513226
    assertEquals(3.39638869897760109495, d(t, lr, "statistic"), 1e-9);
    assertEquals(0.06533932204050513226, d(t, lr, "p_value"), 1e-9);
    assertEquals("1", t.cell(lr, "df"));
    int s = row(t, "Maintained", "survival", "12");
    assertEquals(10.0 / 11, d(t, s, "estimate"), 1e-12);
  }

  @Test
  void unitsConvertDaysToMonths() throws IOException {
    Path f = tmp.resolve("adtte.csv");
    Files.writeString(f, "USUBJID,AVAL,CNSR\n1,30.4375,0\n2,60.875,0\n3,91.3125,1\n4,121.75,0\n");
    Result r = run("km", "--data", f.toString(), "--report-unit", "months", "--format", "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    // months 1, 2, 3+, 4: S = 0.5 exactly from 2 to the next event at 4; R quantile.survfit
    // takes the midpoint: 3 months
    int m = row(t, "ALL", "median", "");
    assertEquals(3, d(t, m, "estimate"), 1e-12);
  }

  @Test
  void rowOrderDoesNotChangeTheOutput() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(G + "input_strata.csv"));
    List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.shuffle(body, new Random(11));
    body.add(0, lines.get(0));
    Path f = tmp.resolve("shuffled.csv");
    Files.write(f, body);
    String[] common = {
      "--time",
      "time",
      "--event",
      "status",
      "--by",
      "group",
      "--strata",
      "stratum",
      "--at",
      "10,20",
      "--test",
      "gehan",
      "--test",
      "fh:1,1",
      "--format",
      "csv"
    };
    Result a = run(concat(new String[] {"km", "--data", G + "input_strata.csv"}, common));
    Result b = run(concat(new String[] {"km", "--data", f.toString()}, common));
    assertEquals(0, a.code(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().contains("stratified by stratum (4 strata)"), a.out());
  }

  @Test
  void sasConventionUsesLogLogAndCarriesNoLandmarkBeyondTheData() throws IOException {
    Result r =
        run(
            "km",
            "--data",
            G + "input_aml.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--convention",
            "sas",
            "--at",
            "1000",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    int m = row(t, "ALL", "median", "");
    assertTrue(t.cell(m, "method").startsWith("brookmeyer-crowley/log-log (sas"));
    int s = row(t, "ALL", "survival", "1000");
    assertEquals("", t.cell(s, "estimate"));
    assertTrue(t.cell(s, "note").contains("not estimable"));
  }

  @Test
  void explicitConfTypeWinsOverTheConvention() throws IOException {
    Result r =
        run(
            "km",
            "--data",
            G + "input_aml.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--convention",
            "sas",
            "--conf-type",
            "log",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    assertEquals(
        "brookmeyer-crowley/log (sas rules)", t.cell(row(t, "ALL", "median", ""), "method"));
  }

  @Test
  void inputNotesTravelWithTheMedianRows() throws IOException {
    Path f = tmp.resolve("noise.csv");
    Files.writeString(f, "AVAL,CNSR\n1,0\n1.0000000001,0\n2,0\n3,1\n");
    Result r = run("km", "--data", f.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    assertTrue(t.cell(row(t, "ALL", "median", ""), "note").contains("timefix"), r.out());
  }

  @Test
  void stepTable() throws IOException {
    Result r =
        run(
            "km",
            "--data",
            G + "input_aml.csv",
            "--time",
            "time",
            "--event",
            "status",
            "--table",
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    assertEquals(
        List.of(
            "group",
            "time",
            "n_risk",
            "n_event",
            "n_censor",
            "survival",
            "std_err",
            "lower",
            "upper"),
        t.columnNames());
    // R: summary(survfit(Surv(time, status) ~ 1, aml))$surv[1] = 21/23 at time 5
    assertEquals(21.0 / 23, d(t, 0, "survival"), 1e-12);
  }

  @Test
  void badInputExitsWithTwo() {
    String[] base = {
      "km", "--data", G + "input_aml.csv", "--time", "time", "--event", "status", "--by", "group"
    };
    Result r = run(concat(base, new String[] {"--conf-type", "probit"}));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--conf-type: expected plain, log"), r.err());
    r = run(concat(base, new String[] {"--test", "fh:1"}));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--test: expected"), r.err());
    r = run(concat(base, new String[] {"--ref", "Other"}));
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("--ref Other: not a level of group; the levels are: Maintained"), r.err());
    r = run("km", "--data", G + "input_aml.csv", "--time", "time");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no column 'CNSR'"), r.err());
    r = run(concat(base, new String[] {"--censor", "status"}));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("alternatives"), r.err());
  }
}
