package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimonTwoStageTest {

  /** Designs from an exhaustive base-R search (golden/simon/generate.R), 14 settings x 2. */
  @Test
  void matchesExhaustiveRSearch() throws IOException {
    List<String[]> rows = golden();
    assertTrue(rows.size() >= 24, "golden rows: " + rows.size());
    for (String[] g : rows) {
      double p0 = Double.parseDouble(g[0]);
      double p1 = Double.parseDouble(g[1]);
      double alpha = Double.parseDouble(g[2]);
      double power = Double.parseDouble(g[3]);
      int nmax = Integer.parseInt(g[4]);
      SimonTwoStage.Result res = SimonTwoStage.search(p0, p1, alpha, power, nmax);
      SimonDesign d = g[5].equals("optimal") ? res.optimal() : res.minimax();
      String what = String.join(",", g);
      assertNotNull(d, what);
      assertEquals(Integer.parseInt(g[6]), d.r1(), "r1 " + what);
      assertEquals(Integer.parseInt(g[7]), d.n1(), "n1 " + what);
      assertEquals(Integer.parseInt(g[8]), d.r(), "r " + what);
      assertEquals(Integer.parseInt(g[9]), d.n(), "n " + what);
      close(Double.parseDouble(g[10]), d.en0(), 1e-9, "en0 " + what);
      close(Double.parseDouble(g[11]), d.pet0(), 1e-9, "pet0 " + what);
      close(Double.parseDouble(g[12]), d.alpha(), 1e-9, "alpha " + what);
      close(Double.parseDouble(g[13]), d.power(), 1e-9, "power " + what);
    }
  }

  /**
   * Published designs, Simon (1989) Controlled Clinical Trials 10:1-10, Table 1/2 (r1/n1, r/n,
   * EN(p0) to 1 decimal, PET(p0) to 2 decimals).
   */
  @ParameterizedTest
  @CsvSource({
    "0.05, 0.25, 0.05, 0.80, 0, 9, 2, 17, 12.0, 0.63, 0, 12, 2, 16, 13.8, 0.54",
    "0.10, 0.30, 0.05, 0.80, 1, 10, 5, 29, 15.0, 0.74, 1, 15, 5, 25, 19.5, 0.55",
    "0.20, 0.40, 0.05, 0.80, 3, 13, 12, 43, 20.6, 0.75, 4, 18, 10, 33, 22.3, 0.72",
    "0.30, 0.50, 0.05, 0.80, 5, 15, 18, 46, 23.6, 0.72, 6, 19, 16, 39, 25.7, 0.67",
    "0.05, 0.20, 0.05, 0.80, 0, 10, 3, 29, 17.6, 0.60, 0, 13, 3, 27, 19.8, 0.51",
    "0.50, 0.70, 0.05, 0.80, 8, 15, 26, 43, 23.5, 0.70, 12, 23, 23, 37, 27.7, 0.66",
    "0.70, 0.90, 0.05, 0.80, 4, 6, 22, 27, 14.8, 0.58, 19, 23, 21, 26, 23.2, 0.95",
    "0.10, 0.30, 0.10, 0.90, 1, 12, 5, 35, 19.8, 0.66, 1, 16, 4, 25, 20.4, 0.51",
    "0.20, 0.40, 0.10, 0.90, 3, 17, 10, 37, 26.0, 0.55, 3, 19, 10, 36, 28.3, 0.46",
    "0.30, 0.50, 0.10, 0.90, 7, 22, 17, 46, 29.9, 0.67, 7, 28, 15, 39, 35.0, 0.36",
  })
  void reproducesSimon1989(
      double p0,
      double p1,
      double alpha,
      double power,
      int or1,
      int on1,
      int or,
      int on,
      double oen,
      double opet,
      int mr1,
      int mn1,
      int mr,
      int mn,
      double men,
      double mpet) {
    SimonTwoStage.Result res = SimonTwoStage.search(p0, p1, alpha, power, 100);
    check(res.optimal(), or1, on1, or, on, oen, opet);
    check(res.minimax(), mr1, mn1, mr, mn, men, mpet);
  }

  @Test
  void referenceExampleToFullPrecision() {
    SimonTwoStage.Result res = SimonTwoStage.search(0.05, 0.25, 0.05, 0.80, 100);
    // EN0 = n1 + (1 - PET0)(n - n1), PET0 = P(Bin(n1, p0) <= r1): closed forms
    double pet = Math.pow(0.95, 9);
    close(9 + (1 - pet) * 8, res.optimal().en0(), 1e-12, "optimal EN0");
    close(pet, res.optimal().pet0(), 1e-12, "optimal PET0");
    assertEquals(11.96, Math.round(res.optimal().en0() * 100) / 100.0, 1e-12);
    assertEquals(13.84, Math.round(res.minimax().en0() * 100) / 100.0, 1e-12);
    assertTrue(res.optimal().alpha() <= 0.05 && res.optimal().power() >= 0.80);
  }

  @Test
  void noDesignBelowMaxN() {
    SimonTwoStage.Result res = SimonTwoStage.search(0.05, 0.25, 0.05, 0.80, 12);
    assertEquals(null, res.optimal());
    assertEquals(null, res.minimax());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> SimonTwoStage.search(0.3, 0.2, .05, .8, 50));
    assertThrows(IllegalArgumentException.class, () -> SimonTwoStage.search(0, 0.2, .05, .8, 50));
    assertThrows(IllegalArgumentException.class, () -> SimonTwoStage.search(.1, .3, 1, .8, 50));
  }

  private static void check(SimonDesign d, int r1, int n1, int r, int n, double en, double pet) {
    assertNotNull(d);
    assertEquals(r1, d.r1(), "r1");
    assertEquals(n1, d.n1(), "n1");
    assertEquals(r, d.r(), "r");
    assertEquals(n, d.n(), "n");
    assertEquals(en, Math.round(d.en0() * 10) / 10.0, 1e-9, "EN0");
    assertEquals(pet, Math.round(d.pet0() * 100) / 100.0, 1e-9, "PET0");
  }

  static void close(double expected, double actual, double rel, String what) {
    assertTrue(
        Math.abs(expected - actual) <= rel * Math.max(1e-300, Math.abs(expected)),
        what + ": expected " + expected + ", got " + actual);
  }

  private static List<String[]> golden() throws IOException {
    try (InputStream in =
        SimonTwoStageTest.class.getResourceAsStream("/golden/simon/designs.csv")) {
      assertNotNull(in, "golden/simon/designs.csv");
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<String[]> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          out.add(lines[i].trim().split(","));
        }
      }
      return out;
    }
  }
}
