package org.trialstats.subgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/** Reading the R golden files of src/test/resources/golden/subgroup (written by generate.R). */
final class Golden {
  private Golden() {}

  static final Path DIR = Path.of("src/test/resources/golden/subgroup");

  static DataTable read(String name) {
    return CsvReader.read(DIR.resolve(name));
  }

  static DataTable colon() {
    return CsvReader.read(Path.of("datasets/r-survival/colon.csv"));
  }

  static double num(DataTable t, int row, String col) {
    String s = t.cell(row, col);
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** Relative agreement to {@code tol} (absolute near zero). */
  static void close(double expected, double actual, double tol, String what) {
    double scale = Math.max(1, Math.abs(expected));
    assertTrue(
        Math.abs(expected - actual) <= tol * scale,
        () -> what + ": expected " + expected + ", got " + actual);
  }

  /** Index of each value in {@code levels}; fails on an unknown value. */
  static int[] index(String[] values, List<String> levels) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = levels.indexOf(values[i]);
      assertTrue(out[i] >= 0, "unknown level " + values[i]);
    }
    return out;
  }

  static void assertSameLength(int a, int b) {
    assertEquals(a, b);
  }
}
