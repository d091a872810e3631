package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the R-generated golden CSVs (src/test/resources/golden/orr) and compares numbers. */
final class Golden {
  private Golden() {}

  /** One CSV row by column name. */
  record Row(Map<String, String> cells, int line) {
    String s(String c) {
      String v = cells.get(c);
      if (v == null) {
        throw new IllegalArgumentException("no column " + c);
      }
      return v;
    }

    int i(String c) {
      return Integer.parseInt(s(c));
    }

    double d(String c) {
      String v = s(c);
      return switch (v) {
        case "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NA" -> Double.NaN;
        default -> Double.parseDouble(v);
      };
    }
  }

  static List<Row> read(String name) throws IOException {
    InputStream in = Golden.class.getResourceAsStream("/golden/orr/" + name);
    assertTrue(in != null, "missing golden file " + name);
    List<Row> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] head = r.readLine().split(",", -1);
      String line;
      int ln = 1;
      while ((line = r.readLine()) != null) {
        ln++;
        if (line.isEmpty()) {
          continue;
        }
        String[] v = line.split(",", -1);
        Map<String, String> m = new HashMap<>();
        for (int k = 0; k < head.length; k++) {
          m.put(head[k], v[k]);
        }
        out.add(new Row(m, ln));
      }
    }
    assertTrue(out.size() > 10, "golden file " + name + " has too few rows");
    return out;
  }

  /**
   * Asserts {@code actual} equals {@code expected} to {@code rel} relative tolerance (absolute
   * {@code rel} near zero); infinities must match exactly.
   */
  static void close(double expected, double actual, double rel, String what) {
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      assertEquals(expected, actual, what);
      return;
    }
    double tol = rel * Math.max(1, Math.abs(expected));
    if (Math.abs(expected) < 1) {
      tol = Math.max(rel * Math.abs(expected), rel * 1e-3);
    }
    assertTrue(
        Math.abs(expected - actual) <= tol,
        () ->
            what
                + ": expected "
                + expected
                + ", got "
                + actual
                + " (diff "
                + (actual - expected)
                + ")");
  }
}
