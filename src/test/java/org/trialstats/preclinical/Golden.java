package org.trialstats.preclinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/** Test helpers: golden CSV access and relative comparison. */
public final class Golden {
  private Golden() {}

  public static final Path DIR = Path.of("src/test/resources/golden/preclinical");
  public static final Path DATA = Path.of("datasets/preclinical");

  public static DataTable read(String name) {
    return CsvReader.read(DIR.resolve(name));
  }

  /** Parses a cell; empty means NaN. */
  public static double num(String s) {
    return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** |a − e| ≤ rel·max(|e|, 1e-300) + abs; both NaN/empty also agree. */
  public static void close(double expected, double actual, double rel, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected empty, got " + actual);
      return;
    }
    double tol = rel * Math.abs(expected) + 1e-13;
    assertEquals(expected, actual, tol, what);
  }
}
