package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.csv;
import static org.trialstats.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.CliRun.Result;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/**
 * {@code trialstats verify} end to end: verdicts on the FRAME / RAMP 201 claims and constructed
 * cases, median claims recomputed from patient data against R survfit (golden/verify/
 * lung_median.csv), the verify CSV, JSON and HTML outputs, and input errors (exit 2).
 */
class VerifyCommandTest {
  @TempDir Path tmp;

  Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static int row(DataTable t, String id) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.cell(i, "claim_id").equals(id)) {
        return i;
      }
    }
    throw new AssertionError("no claim " + id);
  }

  static final String HEADER =
      "claim_id,responders,n,reported_estimate,reported_low,reported_high,conf_level,sides,source\n";

  @Test
  void frameAndRampAreReproducedAndConstructedCasesAreFlagged() throws IOException {
    Path claims =
        write(
            "claims.csv",
            HEADER
                + "FRAME,11,26,42.3,23.4,63.1,0.95,,Nat Med 2025\n"
                + "RAMP,25,57,44,31,58,,,JCO 2025\n"
                + "WRONG-CI,11,26,42.3,24.0,62.5,,,constructed\n"
                + "WRONG-EST,11,26,40.0,23.4,63.1,,,constructed\n"
                + "NO-X,,26,42.3,23.4,63.1,,,constructed\n");
    Result r = run("verify", "--claims", claims.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    assertEquals(
        String.join(
            ",",
            "claim_id",
            "responders",
            "n",
            "reported_estimate",
            "reported_low",
            "reported_high",
            "recomputed_estimate",
            "matching_methods",
            "verdict",
            "note"),
        r.out().lines().findFirst().orElseThrow());
    int f = row(t, "FRAME");
    assertEquals("reproduced", t.cell(f, "verdict"));
    assertEquals("clopper-pearson", t.cell(f, "matching_methods"));
    assertEquals(100.0 * 11 / 26, Double.parseDouble(t.cell(f, "recomputed_estimate")), 1e-12);
    int ramp = row(t, "RAMP");
    assertEquals("reproduced", t.cell(ramp, "verdict"));
    assertTrue(t.cell(ramp, "matching_methods").startsWith("clopper-pearson;"));
    assertEquals("44", t.cell(ramp, "reported_estimate"));
    assertEquals("not-reproduced", t.cell(row(t, "WRONG-CI"), "verdict"));
    assertTrue(t.cell(row(t, "WRONG-CI"), "note").contains("nearest: "));
    assertEquals("inconsistent-estimate", t.cell(row(t, "WRONG-EST"), "verdict"));
    int nx = row(t, "NO-X");
    assertEquals("11", t.cell(nx, "responders"));
    assertEquals("reproduced", t.cell(nx, "verdict"));
  }

  @Test
  void jsonTextHtmlAndDetailOutputs() throws IOException {
    Path claims =
        write(
            "claims.csv",
            HEADER + "<b>FRAME</b>,11,26,42.3,23.4,63.1,,,\"Banerjee & al, <i>Nat Med</i>\"\n");
    Path html = tmp.resolve("page.html");
    Path detail = tmp.resolve("detail.csv");
    Result j =
        run(
            "verify",
            "--claims",
            claims.toString(),
            "--format",
            "json",
            "--html",
            html.toString(),
            "--detail",
            detail.toString());
    assertEquals(0, j.code(), j.err());
    assertTrue(j.out().contains("\"matching_methods\": [\"clopper-pearson\"]"), j.out());
    assertTrue(j.out().contains("\"n\": 26"), j.out());
    String page = Files.readString(html);
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.contains("&lt;b&gt;FRAME&lt;/b&gt;"), "claim id escaped");
    assertTrue(page.contains("Banerjee &amp; al, &lt;i&gt;Nat Med&lt;/i&gt;"), "source escaped");
    assertFalse(page.contains("<b>FRAME"));
    assertFalse(page.contains("http"), "self-contained: no external resources");
    DataTable d = CsvReader.read(detail);
    assertEquals(8, d.rowCount(), "one tidy row per interval method");
    assertEquals("verify", d.cell(0, "analysis"));
    assertEquals("clopper-pearson", d.cell(0, "method"));
    assertEquals(0.2335219831274435, Double.parseDouble(d.cell(0, "conf_low")), 1e-9);
    Result t = run("verify", "--claims", claims.toString());
    assertEquals(0, t.code());
    assertTrue(t.out().contains("42.3 (23.4–63.1)"), t.out());
    assertTrue(t.out().contains("reproduced"), t.out());
  }

  @Test
  void medianClaimsAreRecomputedUnderEachConvention() throws IOException {
    // R survfit on lung (golden/verify/lung_median.csv): log 310 (285-363), log-log and plain
    // 310 (284-361).
    DataTable g = CsvReader.read(Path.of("src/test/resources/golden/verify/lung_median.csv"));
    assertEquals("log", g.cell(0, "conf_type"));
    String log = g.cell(0, "median") + "," + g.cell(0, "lower") + "," + g.cell(0, "upper");
    String ll = g.cell(1, "median") + "," + g.cell(1, "lower") + "," + g.cell(1, "upper");
    String lung = Path.of("datasets/r-survival/lung.csv").toAbsolutePath().toString();
    Path claims =
        write(
            "median.csv",
            "claim_id,reported_median,reported_median_low,reported_median_high,data,data_time,data_event,source\n"
                + "LUNG-R,"
                + log
                + ","
                + lung
                + ",time,status=2,R survfit print\n"
                + "LUNG-LL,"
                + ll
                + ","
                + lung
                + ",time,status=2,R log-log\n"
                + "LUNG-BAD-CI,310,250,400,"
                + lung
                + ",time,status=2,constructed\n"
                + "LUNG-BAD-MEDIAN,300,285,363,"
                + lung
                + ",time,status=2,constructed\n");
    Result r = run("verify", "--claims", claims.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    DataTable t = csv(r.out());
    int a = row(t, "LUNG-R");
    assertEquals("reproduced", t.cell(a, "verdict"));
    assertEquals("brookmeyer-crowley/log (r)", t.cell(a, "matching_methods").split(";")[0]);
    assertEquals("228", t.cell(a, "n"));
    assertEquals(310.0, Double.parseDouble(t.cell(a, "recomputed_estimate")));
    int b = row(t, "LUNG-LL");
    assertEquals("reproduced", t.cell(b, "verdict"));
    assertTrue(t.cell(b, "matching_methods").contains("brookmeyer-crowley/log-log (r)"));
    assertTrue(t.cell(b, "matching_methods").contains("brookmeyer-crowley/plain (r)"));
    assertFalse(t.cell(b, "matching_methods").contains("brookmeyer-crowley/log (r)"));
    assertEquals("not-reproduced", t.cell(row(t, "LUNG-BAD-CI"), "verdict"));
    assertEquals("inconsistent-estimate", t.cell(row(t, "LUNG-BAD-MEDIAN"), "verdict"));
  }

  @Test
  void badInputExitsWithTwoAndNamesTheCell() throws IOException {
    Result r =
        run("verify", "--claims", write("c1.csv", HEADER + "A,11,,42.3,23.4,63.1,,,\n").toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("row 1 (line 2), column n: expected a positive whole number"), r.err());
    r =
        run(
            "verify",
            "--claims",
            write("c2.csv", HEADER + "A,11,26,42.3%x,23.4,63.1,,,\n").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("column reported_estimate: expected a number as printed"), r.err());
    r =
        run(
            "verify",
            "--claims",
            write("c3.csv", HEADER + "A,30,26,42.3,23.4,63.1,,,\n").toString());
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("column responders: expected a count between 0 and n = 26"), r.err());
    r =
        run(
            "verify",
            "--claims",
            write("c4.csv", HEADER + "A,11,26,42.3,23.4,63.1,1.5,,\n").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("column conf_level"), r.err());
    r = run("verify", "--claims", write("c5.csv", "id,n\nA,3\n").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("needs a claim_id column"), r.err());
    r = run("verify", "--claims", tmp.resolve("missing.csv").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("file not found"), r.err());
    r =
        run(
            "verify",
            "--claims",
            write("c6.csv", HEADER + "A,11,26,42.3,23.4,63.1,,,\n").toString(),
            "--methods",
            "nope");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown binomial interval method"), r.err());
  }

  @Test
  void swappedLimitsAreAnInputError() throws IOException {
    Path c =
        write(
            "swapped.csv", HEADER + "OK,11,26,42.3,23.4,63.1,,,\nFRAME,11,26,42.3,63.1,23.4,,,\n");
    Result r = run("verify", "--claims", c.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(c.toString()), r.err());
    assertTrue(r.err().contains("row 2 (line 3)"), r.err());
    assertTrue(r.err().contains("reported_low 63.1 > reported_high 23.4"), r.err());
    Path m =
        write(
            "swapped_median.csv",
            "claim_id,reported_median,reported_median_low,reported_median_high,data\n"
                + "M,10.2,12.5,8.1,nowhere.csv\n");
    r = run("verify", "--claims", m.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(
        r.err().contains("row 1 (line 2)")
            && r.err().contains("reported_median_low 12.5 > reported_median_high 8.1"),
        r.err());
  }
}
