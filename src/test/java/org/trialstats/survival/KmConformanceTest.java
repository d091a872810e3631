package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live comparison with R survival on freshly seeded random data (needs Rscript; runs only with
 * {@code mvn verify -Pconformance}). The seed is printed so a failure can be replayed.
 */
@Tag("conformance")
class KmConformanceTest {
  @TempDir Path tmp;

  @Test
  void randomDataAgreeWithRLive() throws Exception {
    long seed = System.nanoTime();
    System.out.println("KmConformanceTest seed " + seed);
    Random r = new Random(seed);
    for (int rep = 0; rep < 5; rep++) {
      int n = 20 + r.nextInt(300);
      int k = 2 + r.nextInt(3);
      boolean ties = r.nextBoolean();
      StringBuilder csv = new StringBuilder("time,status,group,stratum\n");
      double[] t = new double[n];
      boolean[] e = new boolean[n];
      int[] g = new int[n];
      int[] s = new int[n];
      for (int i = 0; i < n; i++) {
        g[i] = r.nextInt(k);
        s[i] = r.nextInt(3);
        double x = -Math.log(r.nextDouble()) * (10 + 5 * g[i]);
        t[i] = ties ? Math.max(1, Math.round(x)) : Math.round(x * 1000) / 1000.0;
        e[i] = r.nextDouble() < 0.3 + 0.6 * r.nextDouble();
        csv.append(String.format(Locale.ROOT, "%s,%d,G%d,S%d%n", t[i], e[i] ? 1 : 0, g[i], s[i]));
      }
      List<String> gl = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        gl.add("G" + j);
      }
      // a group may be empty in a small sample: keep only levels present
      Path in = tmp.resolve("in" + rep + ".csv");
      Path out = tmp.resolve("out" + rep + ".csv");
      Files.writeString(in, csv);
      Process p =
          new ProcessBuilder(
                  "Rscript",
                  "src/test/resources/golden/km/conformance.R",
                  in.toString(),
                  out.toString())
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.waitFor(), log);
      SurvivalData d =
          SurvivalData.of(
              t, e, g, gl, s, List.of("S0", "S1", "S2"), SurvivalData.R_TIMEFIX_TOLERANCE);
      compare(d, out, seed);
    }
  }

  private void compare(SurvivalData d, Path out, long seed) throws IOException {
    int checked = 0;
    for (Map<String, String> row : rows(out)) {
      String kind = row.get("kind");
      String key = row.get("key");
      double v = parse(row.get("value"));
      String what =
          "seed "
              + seed
              + " "
              + kind
              + " "
              + row.get("group")
              + " "
              + row.get("conf_type")
              + " "
              + key;
      if (kind.equals("test")) {
        String[] kk = key.split("\\|");
        LogRank.Test test =
            switch (kk[0]) {
              case "rho0" -> LogRank.Test.LOGRANK;
              case "rho1" -> LogRank.Test.PETO;
              default -> LogRank.Test.parse(kk[0]);
            };
        double chi = LogRank.test(d.counts(kk[1].equals("strata")), test).statistic();
        Golden.close(v, chi, 1e-8, what);
        checked++;
        continue;
      }
      int g = d.groupLevels().indexOf(row.get("group"));
      KaplanMeier km =
          KaplanMeier.fit(d.counts(false), 0, g, false, ConfType.parse(row.get("conf_type")), 0.95);
      String[] kk = key.split("\\|");
      double x = Double.parseDouble(kk[0]);
      double mine;
      if (kind.equals("curve")) {
        int i = km.indexAt(x);
        mine =
            switch (kk[1]) {
              case "surv" -> km.surv(i);
              case "lower" -> km.lower(i);
              default -> km.upper(i);
            };
      } else {
        KmQuantile.Estimate q = KmQuantile.of(km, x, Convention.R);
        mine =
            switch (kk[1]) {
              case "est" -> q.estimate();
              case "lower" -> q.lower();
              default -> q.upper();
            };
      }
      Golden.close(v, mine, 1e-9, what);
      checked++;
    }
    assertTrue(checked > 100, "checked " + checked);
  }

  private static double parse(String s) {
    return s == null || s.isEmpty() || s.equals("NA") || s.equals("NaN")
        ? Double.NaN
        : Double.parseDouble(s.trim());
  }

  private static List<Map<String, String>> rows(Path f) {
    org.trialstats.io.DataTable t = org.trialstats.io.CsvReader.read(f);
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
}
