package org.trialstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path tmp;

  static int run(StringWriter out, StringWriter err, String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void writesLabelledReproducibleFiles() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "simulate", "--out", tmp.resolve("a").toString(), "--seed", "3"));
    assertEquals(0, run(out, err, "simulate", "--out", tmp.resolve("b").toString(), "--seed", "3"));
    for (String f : new String[] {"adsl.csv", "adrs.csv", "adtte.csv"}) {
      String a = Files.readString(tmp.resolve("a").resolve(f));
      assertEquals(a, Files.readString(tmp.resolve("b").resolve(f)));
      assertTrue(a.lines().skip(1).allMatch(l -> l.startsWith("SIM-LGSOC,")), f);
    }
    assertTrue(Files.readString(tmp.resolve("a/README.md")).contains("SYNTHETIC"));
  }

  @Test
  void badArmIsExit2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = run(out, err, "simulate", "--out", tmp.toString(), "--arm", "A:ten:0.3:12:20");
    assertEquals(2, rc);
    assertTrue(err.toString().contains("--arm 'A:ten:0.3:12:20'"), err.toString());
    rc = run(out, err, "simulate", "--out", tmp.toString(), "--arm", "A:10:1.3:12:20");
    assertEquals(2, rc);
  }

  @Test
  void badArmFieldIsNamedWithItsExpectedForm() {
    String[][] cases = {
      {"A:x:0.3:6:12", "field N (arm size)", "found 'x'"},
      {"A:10:abc:6:12", "field ORR", "found 'abc'"},
      {"A:10:0.3:six:12", "field MPFS (median PFS)", "found 'six'"},
      {"A:10:0.3:6:", "NAME:N:ORR:MPFS:MOS[:ORR_MUT]", "A:10:0.3:6:"},
      {"A:10:0.3:6:12:hi", "field ORR_MUT", "found 'hi'"}
    };
    for (String[] c : cases) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int rc = run(out, err, "simulate", "--out", tmp.toString(), "--arm", c[0]);
      assertEquals(2, rc, c[0]);
      String e = err.toString();
      assertTrue(e.contains(c[1]) && e.contains(c[2]), c[0] + ": " + e);
      assertTrue(!e.contains("For input string"), e);
    }
  }
}
