package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.survival.SurvivalData;
import org.trialstats.survival.TimeUnit;

class SurvivalOptionsTest {
  static DataTable csv(String text) throws IOException {
    return CsvReader.read(new StringReader(text), "t.csv", null);
  }

  static SurvivalOptions opts() {
    SurvivalOptions o = new SurvivalOptions();
    o.time = "AVAL";
    o.timeUnit = TimeUnit.DAYS;
    o.convention = org.trialstats.survival.Convention.R;
    return o;
  }

  @Test
  void loadsCensorCodesGroupsStrataAndUnits() throws IOException {
    SurvivalOptions o = opts();
    o.by = "ARM";
    o.ref = "Placebo";
    o.strata = List.of("REG");
    o.reportUnit = TimeUnit.MONTHS;
    SurvivalInput in =
        o.from(
            csv(
                "AVAL,CNSR,ARM,REG\n"
                    + "30.4375,0,Drug,EU\n"
                    + "60.875,1,Placebo,US\n"
                    + "91.3125,2,Drug,US\n"
                    + "0,0,Placebo,EU\n"));
    SurvivalData d = in.data();
    assertEquals(List.of("Placebo", "Drug"), d.groupLevels());
    assertEquals(List.of("EU", "US"), d.strataLevels());
    assertEquals("months", in.unit());
    assertEquals(0.0, d.time(0), 0);
    assertEquals(1.0, d.time(1), 1e-15);
    assertEquals(3.0, d.time(3), 1e-15);
    assertTrue(d.event(0));
    assertTrue(d.event(1));
    assertEquals(false, d.event(2));
    assertEquals(false, d.event(3));
    assertEquals(0, d.group(0)); // Placebo, ref first
    assertEquals(1, d.group(1));
  }

  @Test
  void numericLevelsSortNumerically() {
    assertEquals(List.of("2", "10"), Levels.sorted(List.of("10", "2")));
    assertEquals(List.of("B", "a"), Levels.sorted(List.of("a", "B")));
  }

  @Test
  void eventColumn() throws IOException {
    SurvivalOptions o = opts();
    o.event = "EVT";
    SurvivalInput in = o.from(csv("AVAL,EVT\n1,1\n2,0\n"));
    assertTrue(in.data().event(0));
    assertEquals(false, in.data().event(1));
    InputException ex = assertThrows(InputException.class, () -> o.from(csv("AVAL,EVT\n1,3\n")));
    assertTrue(ex.getMessage().contains("row 1 (line 2), column EVT"), ex.getMessage());
  }

  @Test
  void badInputsAreClearErrors() {
    SurvivalOptions o = opts();
    String m =
        assertThrows(InputException.class, () -> o.from(csv("AVAL,CNSR\n1,0\n-2,0\n")))
            .getMessage();
    assertTrue(m.contains("row 2 (line 3), column AVAL: expected a non-negative time"), m);
    m = assertThrows(InputException.class, () -> o.from(csv("AVAL,CNSR\n,0\n"))).getMessage();
    assertTrue(m.contains("column AVAL") && m.contains("empty cell"), m);
    m = assertThrows(InputException.class, () -> o.from(csv("AVAL,CNSR\n1,0.5\n"))).getMessage();
    assertTrue(m.contains("column CNSR: expected a censor code"), m);
    m = assertThrows(InputException.class, () -> o.from(csv("AVAL,CNSR\n1,-1\n"))).getMessage();
    assertTrue(m.contains("column CNSR"), m);
    SurvivalOptions b = opts();
    b.by = "ARM";
    m =
        assertThrows(InputException.class, () -> b.from(csv("AVAL,CNSR,ARM\n1,0,A\n2,0,A\n")))
            .getMessage();
    assertTrue(m.contains("ARM has 1 level (A)"), m);
    b.ref = "C";
    m =
        assertThrows(InputException.class, () -> b.from(csv("AVAL,CNSR,ARM\n1,0,A\n2,0,B\n")))
            .getMessage();
    assertEquals("--ref C: not a level of ARM; the levels are: A, B", m);
  }

  @Test
  void censorAndEventTogetherIsAnError() {
    SurvivalOptions o = opts();
    o.censor = "CNSR";
    o.event = "EVT";
    DataOptions d = new DataOptions();
    d.data = java.nio.file.Path.of("unused.csv");
    String m = assertThrows(InputException.class, () -> o.load(d)).getMessage();
    assertTrue(m.contains("--censor and --event are alternatives"), m);
  }

  @Test
  void singleSubjectStratumAndAllCensoredAreNotes() throws IOException {
    SurvivalOptions o = opts();
    o.strata = List.of("S");
    SurvivalInput in = o.from(csv("AVAL,CNSR,S\n1,1\n2,1,x\n3,1,x\n".replace("1,1\n", "1,1,y\n")));
    assertTrue(in.notes().contains("all subjects are censored: no events"), in.notes().toString());
    assertTrue(
        in.notes().stream().anyMatch(s -> s.startsWith("stratum y has a single subject")),
        in.notes().toString());
  }

  @Test
  void floatingPointNoiseNote() throws IOException {
    SurvivalInput in = opts().from(csv("AVAL,CNSR\n1,0\n1.0000000001,0\n2,1\n"));
    assertEquals(1, in.data().timesMerged());
    assertTrue(in.notes().get(0).contains("timefix"), in.notes().toString());
  }
}
