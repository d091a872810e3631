package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/**
 * Cox fits against R survival 3.5-3 {@code coxph} (golden/cox/generate.R): coefficients, standard
 * errors, log-likelihoods and the Wald, likelihood-ratio and score tests for every case and tie
 * method, to 1e-6 relative.
 */
class CoxModelGoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden/cox");

  /** One golden case read from data_CASE.csv. */
  record CaseData(double[] time, boolean[] event, int[] stratum, double[][] x) {}

  static CaseData data(String name) {
    DataTable t = CsvReader.read(DIR.resolve("data_" + name + ".csv"));
    int n = t.rowCount();
    List<String> xs = new ArrayList<>();
    for (String c : t.columnNames()) {
      if (c.matches("x\\d+")) {
        xs.add(c);
      }
    }
    double[] time = new double[n];
    boolean[] ev = new boolean[n];
    int[] st = new int[n];
    double[][] x = new double[xs.size()][n];
    for (int i = 0; i < n; i++) {
      time[i] = Double.parseDouble(t.cell(i, "time"));
      ev[i] = Double.parseDouble(t.cell(i, "status")) == 1;
      st[i] = Integer.parseInt(t.cell(i, "stratum"));
      for (int j = 0; j < xs.size(); j++) {
        x[j][i] = Double.parseDouble(t.cell(i, xs.get(j)));
      }
    }
    return new CaseData(time, ev, st, x);
  }

  /** results.csv grouped by case+ties, rows in coefficient order. */
  static Map<String, List<Map<String, String>>> results() {
    DataTable t = CsvReader.read(DIR.resolve("results.csv"));
    Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String c : t.columnNames()) {
        row.put(c, t.cell(i, c));
      }
      out.computeIfAbsent(row.get("case") + "|" + row.get("ties"), k -> new ArrayList<>()).add(row);
    }
    return out;
  }

  static Stream<Arguments> cases() {
    return results().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static void close(double expected, double actual, double rel, String what) {
    double tol = rel * Math.max(1, Math.abs(expected));
    assertEquals(expected, actual, tol, what);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesR(String key, List<Map<String, String>> rows) {
    String[] k = key.split("\\|");
    CaseData d = data(k[0]);
    CoxFit f = CoxModel.fit(d.time(), d.event(), d.stratum(), d.x(), CoxTies.parse(k[1]));
    Map<String, String> r0 = rows.get(0);
    assertEquals(rows.size(), f.size());
    assertEquals(Integer.parseInt(r0.get("n")), f.n());
    assertEquals(Integer.parseInt(r0.get("events")), f.events());
    assertEquals(Integer.parseInt(r0.get("df")), f.rank());
    close(Double.parseDouble(r0.get("loglik0")), f.loglikNull(), 1e-9, "loglik0");
    close(Double.parseDouble(r0.get("score")), f.scoreTest(), 1e-9, "score test");
    boolean rConverged = r0.get("converged").equals("1");
    assertEquals(rConverged, f.converged(), "converged");
    boolean anyInfinite = rows.stream().anyMatch(r -> r.get("infinite").equals("1"));
    if (!rConverged) {
      // R ran out of iterations on a diverging coefficient: we must say so, not print it.
      for (int j = 0; j < f.size(); j++) {
        assertFalse(f.estimable(j));
      }
      return;
    }
    close(Double.parseDouble(r0.get("loglik")), f.loglik(), 1e-9, "loglik");
    close(Double.parseDouble(r0.get("lr")), f.lrTest(), 1e-6, "LR test");
    for (int j = 0; j < rows.size(); j++) {
      Map<String, String> r = rows.get(j);
      boolean inf = r.get("infinite").equals("1");
      assertEquals(inf, f.infinite()[j], "infinite flag of " + r.get("name"));
      assertEquals(!inf, f.estimable(j));
      if (!inf) {
        close(Double.parseDouble(r.get("coef")), f.coef(j), 1e-6, "coef " + r.get("name"));
        close(Double.parseDouble(r.get("se")), f.se(j), 1e-6, "se " + r.get("name"));
      }
    }
    if (!anyInfinite) {
      close(Double.parseDouble(r0.get("wald")), f.waldTest(), 1e-6, "Wald test");
      assertTrue(f.allEstimable());
    }
  }
}
