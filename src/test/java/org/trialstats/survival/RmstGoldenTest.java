package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * RMST against golden/rmst/generate.R: survRM2's formulas (re-implemented in R from its source)
 * and, independently, R survival's {@code print(survfit, rmean = tau)} (rmean and se(rmean)); the
 * default tau against survRM2's case rule. 1e-9 relative (closed forms).
 */
class RmstGoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden/rmst");

  static List<Map<String, String>> rows(String file) {
    DataTable t = CsvReader.read(DIR.resolve(file));
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, String> r = new LinkedHashMap<>();
      for (String c : t.columnNames()) {
        r.put(c, t.cell(i, c));
      }
      out.add(r);
    }
    return out;
  }

  /** Data of one case split by arm: arm -> {times, events}. */
  static Map<String, Object[]> data(String name) {
    DataTable t = CsvReader.read(DIR.resolve("data_" + name + ".csv"));
    Map<String, List<double[]>> by = new LinkedHashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      by.computeIfAbsent(t.cell(i, "arm"), k -> new ArrayList<>())
          .add(
              new double[] {
                Double.parseDouble(t.cell(i, "time")), Double.parseDouble(t.cell(i, "status"))
              });
    }
    Map<String, Object[]> out = new LinkedHashMap<>();
    by.forEach(
        (k, v) -> {
          double[] tm = new double[v.size()];
          boolean[] ev = new boolean[v.size()];
          for (int i = 0; i < tm.length; i++) {
            tm[i] = v.get(i)[0];
            ev[i] = v.get(i)[1] == 1;
          }
          out.put(k, new Object[] {tm, ev});
        });
    return out;
  }

  static Rmst.Arm arm(Map<String, Object[]> d, String a, double tau) {
    return Rmst.arm((double[]) d.get(a)[0], (boolean[]) d.get(a)[1], tau);
  }

  static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }

  static double num(Map<String, String> r, String c) {
    return Double.parseDouble(r.get(c));
  }

  static Stream<Arguments> arms() {
    return rows("arms.csv").stream().map(r -> Arguments.of(r.get("case") + " " + r.get("arm"), r));
  }

  static Stream<Arguments> contrasts() {
    return rows("contrasts.csv").stream()
        .map(r -> Arguments.of(r.get("case") + " " + r.get("arm"), r));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arms")
  void armMatchesSurvRm2AndSurvival(String name, Map<String, String> r) {
    Map<String, Object[]> d = data(r.get("case"));
    double tau = num(r, "tau");
    if (r.get("tau_given").equals("0")) {
      double[] max = new double[d.size()];
      boolean[] last = new boolean[d.size()];
      int g = 0;
      for (Object[] v : d.values()) {
        double[] tm = (double[]) v[0];
        boolean[] ev = (boolean[]) v[1];
        max[g] = Double.NEGATIVE_INFINITY;
        for (double x : tm) {
          max[g] = Math.max(max[g], x);
        }
        last[g] = true;
        for (int i = 0; i < tm.length; i++) {
          if (tm[i] == max[g] && !ev[i]) {
            last[g] = false;
          }
        }
        g++;
      }
      assertEquals(tau, Rmst.defaultTau(max, last), "default tau");
    }
    Rmst.Arm a = arm(d, r.get("arm"), tau);
    close(num(r, "rmst"), a.estimate(), "rmst (survRM2)");
    close(num(r, "se"), a.se(), "se (survRM2)");
    close(num(r, "rmean_survival"), a.estimate(), "rmean (survival)");
    close(num(r, "se_survival"), a.se(), "se(rmean) (survival)");
    double[] ci = a.ci(0.95);
    close(num(r, "lower"), ci[0], "lower");
    close(num(r, "upper"), ci[1], "upper");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contrasts")
  void contrastMatchesSurvRm2(String name, Map<String, String> r) {
    Map<String, Object[]> d = data(r.get("case"));
    double tau = num(r, "tau");
    Rmst.Arm a = arm(d, r.get("arm"), tau);
    Rmst.Arm ref = arm(d, r.get("ref"), tau);
    Rmst.Contrast diff = Rmst.difference(a, ref, 0.95);
    close(num(r, "diff"), diff.estimate(), "difference");
    close(num(r, "diff_low"), diff.low(), "difference low");
    close(num(r, "diff_high"), diff.high(), "difference high");
    close(num(r, "diff_p"), diff.p(), "difference p");
    Rmst.Contrast ratio = Rmst.ratio(a, ref, 0.95);
    close(num(r, "ratio"), ratio.estimate(), "ratio");
    close(num(r, "ratio_low"), ratio.low(), "ratio low");
    close(num(r, "ratio_high"), ratio.high(), "ratio high");
    close(num(r, "ratio_p"), ratio.p(), "ratio p");
  }
}
