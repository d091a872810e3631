package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialstats.cli.CliRun.concat;
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
 * {@code trialstats reconstruct} end to end on the round-trip reference (golden/verify/
 * generate_roundtrip.R): the IPD it writes is accepted by {@code cox}, whose HR is within 5% of R's
 * HR on the original data; diagnostics follow the contract; impossible input exits with 2.
 */
class ReconstructCommandTest {
  static final String G = "src/test/resources/golden/verify/";

  @TempDir Path tmp;

  @Test
  void reconstructedDataFeedCoxWithTheOriginalHazardRatio() throws IOException {
    Path ipd = tmp.resolve("ipd.csv");
    Result r =
        run(
            "reconstruct",
            "--curve",
            G + "roundtrip_curve.csv",
            "--risk",
            G + "roundtrip_risk.csv",
            "--ipd",
            ipd.toString(),
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    DataTable d = csv(r.out());
    assertEquals("reconstruct", d.cell(0, "analysis"));
    assertEquals("guyot-2012", d.cell(0, "method"));
    DataTable data = CsvReader.read(ipd);
    assertEquals(java.util.List.of("USUBJID", "ARM", "AVAL", "CNSR"), data.columnNames());
    assertEquals(300, data.rowCount());
    assertEquals(java.util.List.of("Control", "Experimental"), data.levels("ARM"));
    Result cox =
        run("cox", "--data", ipd.toString(), "--by", "ARM", "--ref", "Control", "--format", "csv");
    assertEquals(0, cox.code(), cox.err());
    DataTable c = csv(cox.out());
    double hr = Double.NaN;
    for (int i = 0; i < c.rowCount(); i++) {
      if (c.cell(i, "term").equals("hr")) {
        hr = Double.parseDouble(c.cell(i, "estimate"));
      }
    }
    double rHr = 0;
    for (String line : Files.readAllLines(Path.of(G + "roundtrip_original.csv"))) {
      if (line.contains(",hr,")) {
        rHr = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
      }
    }
    assertTrue(Math.abs(hr / rHr - 1) < 0.05, "HR " + hr + " vs R original " + rHr);
    Result km = run("km", "--data", ipd.toString(), "--by", "ARM", "--format", "csv");
    assertEquals(0, km.code(), km.err());
    DataTable k = csv(km.out());
    boolean median = false;
    for (int i = 0; i < k.rowCount(); i++) {
      median |= k.cell(i, "term").equals("median") && k.cell(i, "group").equals("Control");
    }
    assertTrue(median, "km reads the reconstructed data");
  }

  @Test
  void percentSurvivalSingleArmAndTextReport() throws IOException {
    Path curve = tmp.resolve("c.csv");
    Files.writeString(curve, "t,S\n0,100\n1,90\n2,80\n3,70\n5,70\n");
    Path risk = tmp.resolve("r.csv");
    Files.writeString(risk, "t,N\n0,10\n");
    Path ipd = tmp.resolve("ipd.csv");
    Result r =
        run(
            "reconstruct",
            "--curve",
            curve.toString(),
            "--risk",
            risk.toString(),
            "--ipd",
            ipd.toString(),
            "--curve-time",
            "t",
            "--curve-survival",
            "S",
            "--risk-time",
            "t",
            "--risk-count",
            "N",
            "--arm",
            "Drug");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("survival read as percent"), r.out());
    assertTrue(r.out().contains("arm Drug: 10 patients, 3 events"), r.out());
    DataTable d = CsvReader.read(ipd);
    assertEquals("Drug", d.cell(0, "ARM"));
    assertEquals("0", d.cell(0, "CNSR"));
    assertEquals("1", d.cell(9, "CNSR"));
  }

  @Test
  void impossibleInputExitsWithTwo() throws IOException {
    Path curve = tmp.resolve("c.csv");
    Files.writeString(curve, "time,survival\n0,1\n1,0.9\n2,0.8\n");
    Path risk = tmp.resolve("r.csv");
    Files.writeString(risk, "time,n_risk\n0,10\n1,8\n2,9\n");
    String[] args = {
      "reconstruct",
      "--curve",
      curve.toString(),
      "--risk",
      risk.toString(),
      "--ipd",
      tmp.resolve("x.csv").toString()
    };
    Result r = run(args);
    assertEquals(2, r.code());
    assertTrue(
        r.err().contains("numbers at risk cannot increase: 8 at time 1, then 9 at time 2"),
        r.err());
    Files.writeString(risk, "time,n_risk\n0,10\n1,abc\n");
    r = run(args);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("row 2 (line 3), column n_risk"), r.err());
    Files.writeString(risk, "arm,time,n_risk\nA,0,10\n");
    r = run(args);
    assertEquals(2, r.code());
    assertTrue(r.err().contains("must be in both files"), r.err());
    Files.writeString(risk, "time,n_risk\n0,10\n");
    r = run(concat(args, "--events", "11"));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("total events must lie between 0 and"), r.err());
  }
}
