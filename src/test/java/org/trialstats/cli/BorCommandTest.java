package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

class BorCommandTest {
  private static final Path ADRS = Path.of("datasets/pharmaverseadam/adrs_onco.csv");
  private static final Path ADSL = Path.of("datasets/pharmaverseadam/adsl.csv");
  private static final Path ADTTE = Path.of("datasets/pharmaverseadam/adtte_onco.csv");

  @TempDir Path dir;

  // stdout and stderr of every run in a test, in order (assertions below read them accumulated)
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();

  private int run(String... args) {
    return CliRun.runInto(out, err, args);
  }

  /**
   * Every subject of pharmaverseadam adrs_onco (admiralonco ad_adrs.R template: reference RANDDT,
   * SD window 42 days, confirmation 28 days, 1 NE) gets the dataset's BOR and CBOR, with the same
   * date of the deciding assessment, and MISSING for the subjects without assessments.
   */
  @Test
  void agreesWithPharmaverseBorAndCbor() {
    for (boolean confirm : new boolean[] {true, false}) {
      Path o = dir.resolve(confirm ? "cbor.csv" : "bor.csv");
      int rc =
          run(
              "bor",
              "--data",
              ADRS.toString(),
              "--where",
              "PARAMCD=OVR",
              "--where",
              "ANL01FL=Y",
              "--adsl",
              ADSL.toString(),
              "--ref-date-col",
              "RANDDT",
              confirm ? "--confirm" : "--no-confirm",
              "--out",
              o.toString());
      assertEquals(0, rc, err.toString());
      Map<String, String[]> ours = byId(CsvReader.read(o), "BOR", "ADT");
      Map<String, String[]> theirs = reference(confirm ? "CBOR" : "BOR");
      assertEquals(306, theirs.size());
      assertEquals(theirs.keySet(), ours.keySet());
      int missing = 0;
      for (Map.Entry<String, String[]> e : theirs.entrySet()) {
        String[] t = e.getValue();
        String[] u = ours.get(e.getKey());
        assertEquals(t[0], u[0], (confirm ? "CBOR " : "BOR ") + e.getKey());
        assertEquals(t[1], u[1], "ADT of " + e.getKey());
        missing += t[0].equals("MISSING") ? 1 : 0;
      }
      assertEquals(298, missing);
    }
  }

  /**
   * Duration of response against adtte_onco PARAMCD=RSD (admiralonco ad_adtte.R: responders without
   * confirmation, start at first CR/PR, event PD, censored at the last assessment).
   */
  @Test
  void durationOfResponseAgreesWithPharmaverseRsd() {
    Path o = dir.resolve("bor.csv");
    Path dor = dir.resolve("dor.csv");
    int rc =
        run(
            "bor",
            "--data",
            ADRS.toString(),
            "--adsl",
            ADSL.toString(),
            "--no-confirm",
            "--death-col",
            "DTHDT",
            "--out",
            o.toString(),
            "--dor-out",
            dor.toString());
    assertEquals(0, rc, err.toString());
    DataTable ours = CsvReader.read(dor);
    DataTable ref = CsvReader.read(ADTTE);
    Map<String, String[]> want = new HashMap<>();
    for (int i = 0; i < ref.rowCount(); i++) {
      if (ref.cell(i, "PARAMCD").equals("RSD")) {
        want.put(
            ref.cell(i, "USUBJID"),
            new String[] {
              ref.cell(i, "AVAL"), ref.cell(i, "CNSR"), ref.cell(i, "STARTDT"), ref.cell(i, "ADT")
            });
      }
    }
    assertEquals(4, want.size());
    assertEquals(want.size(), ours.rowCount());
    for (int i = 0; i < ours.rowCount(); i++) {
      String[] w = want.get(ours.cell(i, "USUBJID"));
      String[] got = {
        ours.cell(i, "AVAL"), ours.cell(i, "CNSR"), ours.cell(i, "STARTDT"), ours.cell(i, "ADT")
      };
      assertEquals(List.of(w), List.of(got), ours.cell(i, "USUBJID"));
    }
  }

  @Test
  void subjectWithoutAssessmentsIsListedAsMissing() throws IOException {
    Path adsl =
        write(
            "adsl.csv",
            "USUBJID,TRTSDT,NACTDT\nA,2020-01-01,\nB,2020-01-01,\nC,2020-01-01,2020-03-01\n");
    Path adrs =
        write(
            "adrs.csv",
            "USUBJID,PARAMCD,ADT,AVALC\n"
                + "A,OVR,2020-02-12,PR\nA,OVR,2020-03-11,PR\n"
                + "C,OVR,2020-02-12,PR\nC,OVR,2020-03-11,PR\nC,BOR,2020-03-11,PR\n");
    Path o = dir.resolve("out.csv");
    int rc =
        run(
            "bor",
            "--data",
            adrs.toString(),
            "--adsl",
            adsl.toString(),
            "--new-therapy-col",
            "NACTDT",
            "--out",
            o.toString());
    assertEquals(0, rc, err.toString());
    DataTable t = CsvReader.read(o);
    assertEquals(3, t.rowCount());
    Map<String, String[]> m = byId(t, "BOR", "CONFFL", "FRSPDT", "REASON", "DECIDING");
    assertEquals("PR", m.get("A")[0]);
    assertEquals("Y", m.get("A")[1]);
    assertEquals("2020-02-12", m.get("A")[2]);
    assertEquals("2020-02-12 PR; confirmed by 2020-03-11 PR", m.get("A")[4]);
    assertEquals("MISSING", m.get("B")[0]);
    assertEquals("no usable assessment", m.get("B")[3]);
    // C: the confirming PR is on the new-therapy start date, so it is ignored
    assertEquals("SD", m.get("C")[0]);
    assertTrue(m.get("C")[3].contains("new anticancer therapy"), m.get("C")[3]);
    assertTrue(out.toString().contains("PARAMCD=OVR (default filter"), out.toString());
    assertTrue(out.toString().contains("1 subject without usable assessments"), out.toString());
  }

  /** DoR: death before PD is the event; death after new therapy is not (censored instead). */
  @Test
  void durationOfResponseEvents() throws IOException {
    Path adsl =
        write(
            "adsl.csv",
            "USUBJID,TRTSDT,DTHDT,NACTDT\n"
                + "A,2020-01-01,2020-04-10,\n"
                + "B,2020-01-01,2020-06-01,\n"
                + "C,2020-01-01,2020-04-29,2020-03-31\n"
                + "D,2020-01-01,,\n");
    StringBuilder rows = new StringBuilder("USUBJID,ADT,AVALC\n");
    for (String id : List.of("A", "B", "C", "D")) {
      rows.append(id).append(",2020-02-12,PR\n").append(id).append(",2020-03-25,PR\n");
    }
    rows.append("B,2020-05-06,PD\nC,2020-04-15,PD\nD,2020-04-15,NE\n");
    Path adrs = write("adrs.csv", rows.toString());
    Path dor = dir.resolve("dor.csv");
    int rc =
        run(
            "bor",
            "--data",
            adrs.toString(),
            "--adsl",
            adsl.toString(),
            "--death-col",
            "DTHDT",
            "--new-therapy-col",
            "NACTDT",
            "--out",
            dir.resolve("o.csv").toString(),
            "--dor-out",
            dor.toString());
    assertEquals(0, rc, err.toString());
    Map<String, String[]> m =
        byId(CsvReader.read(dor), "AVAL", "CNSR", "STARTDT", "ADT", "EVNTDESC");
    // A: death on day 100, first response day 42: 100 - 42 + 1
    assertEquals(List.of("59", "0", "2020-02-12", "2020-04-10", "DEATH"), List.of(m.get("A")));
    // B: PD on day 126 before death
    assertEquals(List.of("85", "0", "2020-02-12", "2020-05-06", "PD"), List.of(m.get("B")));
    // C: PD and death after new therapy (day 90): censored at the last adequate assessment
    assertEquals(
        List.of("43", "1", "2020-02-12", "2020-03-25", "LAST ADEQUATE ASSESSMENT"),
        List.of(m.get("C")));
    // D: a later NE is not an adequate assessment
    assertEquals(List.of("43", "1"), List.of(m.get("D")).subList(0, 2));
  }

  @Test
  void studyDaysInsteadOfDates() throws IOException {
    Path adrs = write("adrs.csv", "USUBJID,ADY,AVALC\nA,43,PR\nA,71,CR\nB,20,SD\nB,50,PD\n");
    int rc = run("bor", "--data", adrs.toString(), "--day-col", "ADY");
    assertEquals(0, rc, err.toString());
    String s = out.toString();
    assertTrue(s.contains("A,CBOR,PR,PR,Y,day 43,day 43,,day 43 PR; confirmed by day 71 CR"), s);
    assertTrue(s.contains("B,CBOR,PD,PD,,day 50,"), s);
  }

  @Test
  void unknownResponseCodeIsAnInputError() throws IOException {
    Path adrs = write("adrs.csv", "USUBJID,ADT,AVALC,TRTSDT\nA,2020-02-12,iCR,2020-01-01\n");
    assertEquals(2, run("bor", "--data", adrs.toString()));
    String e = err.toString();
    assertTrue(e.contains("row 1 (line 2), column AVALC"), e);
    assertTrue(e.contains("NON-CR/NON-PD") && e.contains("'iCR'"), e);
  }

  @Test
  void unparsableDateIsAnInputError() throws IOException {
    Path adrs =
        write(
            "adrs.csv",
            "USUBJID,ADT,AVALC,TRTSDT\nA,2020-02-12,PR,2020-01-01\nA,12/03/2020,PR,2020-01-01\n");
    assertEquals(2, run("bor", "--data", adrs.toString()));
    assertTrue(
        err.toString().contains("row 2 (line 3), column ADT: expected an ISO date"),
        err.toString());
    Path adsl = write("adsl.csv", "USUBJID,RANDDT\nA,2020-13-01\n");
    Path ok = write("ok.csv", "USUBJID,ADT,AVALC\nA,2020-02-12,PR\n");
    assertEquals(2, run("bor", "--data", ok.toString(), "--adsl", adsl.toString()));
    assertTrue(err.toString().contains("column RANDDT"), err.toString());
  }

  @Test
  void duplicateDatesAndUnknownSubjectsAreInputErrors() throws IOException {
    Path adrs =
        write(
            "adrs.csv",
            "USUBJID,ADT,AVALC,TRTSDT\nA,2020-02-12,PR,2020-01-01\nA,2020-02-12,SD,2020-01-01\n");
    assertEquals(2, run("bor", "--data", adrs.toString()));
    assertTrue(err.toString().contains("lines 2 and 3"), err.toString());
    Path adsl = write("adsl.csv", "USUBJID,TRTSDT\nB,2020-01-01\n");
    Path one = write("one.csv", "USUBJID,ADT,AVALC\nA,2020-02-12,PR\n");
    assertEquals(2, run("bor", "--data", one.toString(), "--adsl", adsl.toString()));
    assertTrue(err.toString().contains("a subject present in"), err.toString());
  }

  @Test
  void badOptionValuesAreInputErrors() throws IOException {
    Path adrs = write("adrs.csv", "USUBJID,ADT,AVALC,TRTSDT\nA,2020-02-12,PR,2020-01-01\n");
    assertEquals(2, run("bor", "--data", adrs.toString(), "--confirm-days", "-1"));
    assertEquals(2, run("bor"));
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static Map<String, String[]> byId(DataTable t, String... cols) {
    Map<String, String[]> m = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String[] v = new String[cols.length];
      for (int k = 0; k < cols.length; k++) {
        v[k] = t.cell(i, cols[k]);
      }
      m.put(t.cell(i, "USUBJID"), v);
    }
    return m;
  }

  private static Map<String, String[]> reference(String paramcd) {
    DataTable t = CsvReader.read(ADRS);
    Map<String, String[]> m = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.cell(i, "PARAMCD").equals(paramcd)) {
        m.put(t.cell(i, "USUBJID"), new String[] {t.cell(i, "AVALC"), t.cell(i, "ADT")});
      }
    }
    return m;
  }

  /**
   * bor's per-subject CSV feeds orr with its defaults (response column AVALC). The numbers are
   * checked against an independent count: the dataset's own BOR / CBOR rows (admiralonco) joined to
   * the ADSL arm, responders = CR or PR, every ADSL subject in the denominator.
   */
  @Test
  void borOutputFeedsOrrDirectly() throws IOException {
    for (boolean confirm : new boolean[] {true, false}) {
      Path o = dir.resolve(confirm ? "cbor.csv" : "bor.csv");
      int rc =
          run(
              "bor",
              "--data",
              ADRS.toString(),
              "--where",
              "PARAMCD=OVR",
              "--where",
              "ANL01FL=Y",
              "--adsl",
              ADSL.toString(),
              "--ref-date-col",
              "RANDDT",
              confirm ? "--confirm" : "--no-confirm",
              "--out",
              o.toString());
      assertEquals(0, rc, err.toString());
      DataTable bor = CsvReader.read(o);
      for (int i = 0; i < bor.rowCount(); i++) {
        assertEquals(bor.cell(i, "BOR"), bor.cell(i, "AVALC"), "AVALC = BOR");
      }
      // independent count from the dataset's rows
      Map<String, String[]> theirs = reference(confirm ? "CBOR" : "BOR");
      DataTable adsl = CsvReader.read(ADSL);
      Map<String, int[]> expected = new HashMap<>();
      for (int i = 0; i < adsl.rowCount(); i++) {
        int[] c = expected.computeIfAbsent(adsl.cell(i, "ARM"), k -> new int[2]);
        String v = theirs.get(adsl.cell(i, "USUBJID"))[0];
        c[0] += v.equals("CR") || v.equals("PR") ? 1 : 0;
        c[1]++;
      }
      CliRun.Result r2 = CliRun.run("orr", "--data", o.toString(), "--format", "csv");
      assertEquals(0, r2.code(), r2.err());
      Map<String, String> all =
          OrrCommandTest.find(OrrCommandTest.csv(r2.out()), "ALL", "orr", "clopper-pearson");
      int x = expected.values().stream().mapToInt(c -> c[0]).sum();
      assertEquals(String.valueOf(x), all.get("events"));
      assertEquals("306", all.get("n"));
      assertEquals((double) x / 306, Double.parseDouble(all.get("estimate")), 1e-12);
      // by arm, the arm joined from ADSL
      CliRun.Result r3 =
          CliRun.run(
              "orr",
              "--data",
              o.toString(),
              "--adsl",
              ADSL.toString(),
              "--by",
              "ARM",
              "--format",
              "csv");
      assertEquals(0, r3.code(), r3.err());
      List<Map<String, String>> rows = OrrCommandTest.csv(r3.out());
      for (Map.Entry<String, int[]> e : expected.entrySet()) {
        Map<String, String> r = OrrCommandTest.find(rows, e.getKey(), "orr", "clopper-pearson");
        assertEquals(String.valueOf(e.getValue()[0]), r.get("events"), e.getKey());
        assertEquals(String.valueOf(e.getValue()[1]), r.get("n"), e.getKey());
      }
    }
  }
}
