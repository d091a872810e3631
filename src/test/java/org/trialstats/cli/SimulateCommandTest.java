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
}
