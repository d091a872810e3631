package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/** Reads the golden CSVs written by src/test/resources/golden/km/generate.R. */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden/km");

  private Golden() {}

  static DataTable table(String name) {
    return CsvReader.read(DIR.resolve(name));
  }

  /** Rows of a golden table as maps (column -> cell). */
  static List<Map<String, String>> rows(String name) {
    DataTable t = table(name);
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, String> m = new java.util.HashMap<>();
      for (String c : t.columnNames()) {
        m.put(c, t.cell(i, c));
      }
      out.add(m);
    }
    return out;
  }

  /** Number in a cell; empty (R NA) is NaN. */
  static double num(Map<String, String> r, String c) {
    String s = r.get(c);
    if (s == null || s.isEmpty()) {
      return Double.NaN;
    }
    return switch (s) {
      case "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /** The data of a case, groups in sorted order, strata in sorted order. */
  static SurvivalData data(String kase) {
    DataTable t = table("input_" + kase + ".csv");
    int n = t.rowCount();
    double[] time = new double[n];
    boolean[] ev = new boolean[n];
    String[] g = t.column("group");
    String[] s = t.column("stratum");
    List<String> gl = new ArrayList<>(new TreeSet<>(List.of(g)));
    List<String> sl = new ArrayList<>(new TreeSet<>(List.of(s)));
    int[] gi = new int[n];
    int[] si = new int[n];
    for (int i = 0; i < n; i++) {
      time[i] = Double.parseDouble(t.cell(i, "time"));
      ev[i] = Integer.parseInt(t.cell(i, "status")) == 1;
      gi[i] = gl.indexOf(g[i]);
      si[i] = sl.indexOf(s[i]);
    }
    return SurvivalData.of(time, ev, gi, gl, si, sl, SurvivalData.R_TIMEFIX_TOLERANCE);
  }

  /** Relative comparison (absolute near 0); NaN must match NaN. */
  static void close(double expected, double actual, double rel, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NA, got " + actual);
      return;
    }
    if (Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    double tol = rel * Math.max(1e-3, Math.abs(expected));
    assertEquals(expected, actual, tol, what);
  }
}
