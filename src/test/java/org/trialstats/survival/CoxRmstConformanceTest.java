package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/**
 * Live comparison with R (needs Rscript + survival; runs only with {@code mvn verify
 * -Pconformance}): newly seeded random data (heavy ties, three arms, a numeric covariate, three
 * strata), fitted here and by R {@code coxph} for every tie method and by {@code print(survfit,
 * rmean = tau)} for RMST, compared to 1e-6 relative.
 */
@Tag("conformance")
class CoxRmstConformanceTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void matchesLiveR(long run) throws IOException, InterruptedException {
    long seed = System.nanoTime() ^ run;
    Random rnd = new Random(seed);
    int n = 60 + rnd.nextInt(300);
    double[] time = new double[n];
    boolean[] ev = new boolean[n];
    int[] arm = new int[n];
    int[] st = new int[n];
    double[] z = new double[n];
    StringBuilder csv = new StringBuilder("time,status,arm,z,s\n");
    for (int i = 0; i < n; i++) {
      arm[i] = rnd.nextInt(3);
      st[i] = rnd.nextInt(3);
      z[i] = Math.round(rnd.nextGaussian() * 100) / 100.0;
      double rate = 0.05 * Math.exp(0.3 * arm[i] - 0.2 * z[i]);
      time[i] = Math.ceil(-Math.log(rnd.nextDouble()) / rate);
      ev[i] = rnd.nextDouble() < 0.75;
      csv.append(time[i]).append(',').append(ev[i] ? 1 : 0).append(",a").append(arm[i]);
      csv.append(',').append(z[i]).append(',').append(st[i]).append('\n');
    }
    Files.writeString(dir.resolve("data.csv"), csv);
    double[] max = new double[3];
    boolean[] last = new boolean[3];
    for (int g = 0; g < 3; g++) {
      max[g] = -1;
      last[g] = true;
    }
    for (int i = 0; i < n; i++) {
      if (time[i] > max[arm[i]]) {
        max[arm[i]] = time[i];
      }
    }
    for (int i = 0; i < n; i++) {
      if (time[i] == max[arm[i]] && !ev[i]) {
        last[arm[i]] = false;
      }
    }
    double tau = Rmst.defaultTau(max, last) * 0.9;
    Files.writeString(dir.resolve("tau.txt"), Double.toString(tau));
    Process p =
        new ProcessBuilder(
                "Rscript", "src/test/resources/conformance/cox_rmst_live.R", dir.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), log);
    DataTable t = CsvReader.read(dir.resolve("r.csv"));
    Map<String, Double> r = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      r.put(t.cell(i, "what"), Double.parseDouble(t.cell(i, "value")));
    }
    double[] a1 = new double[n];
    double[] a2 = new double[n];
    for (int i = 0; i < n; i++) {
      a1[i] = arm[i] == 1 ? 1 : 0;
      a2[i] = arm[i] == 2 ? 1 : 0;
    }
    for (CoxTies ties : CoxTies.values()) {
      for (String model : List.of("arm", "arm_z_strata")) {
        boolean full = model.equals("arm_z_strata");
        double[][] x = full ? new double[][] {a1, a2, z} : new double[][] {a1, a2};
        CoxFit f = CoxModel.fit(time, ev, full ? st : null, x, ties);
        String k = ties.label() + ":" + model + ":";
        String msg = " (seed " + seed + ")";
        close(r.get(k + "loglik"), f.loglik(), k + "loglik" + msg);
        close(r.get(k + "score"), f.scoreTest(), k + "score" + msg);
        for (int j = 0; j < x.length; j++) {
          close(r.get(k + "coef:" + (j + 1)), f.coef(j), k + "coef" + msg);
          close(r.get(k + "se:" + (j + 1)), f.se(j), k + "se" + msg);
        }
      }
    }
    for (int g = 0; g < 3; g++) {
      int m = 0;
      for (int a : arm) {
        if (a == g) {
          m++;
        }
      }
      double[] tg = new double[m];
      boolean[] eg = new boolean[m];
      m = 0;
      for (int i = 0; i < n; i++) {
        if (arm[i] == g) {
          tg[m] = time[i];
          eg[m++] = ev[i];
        }
      }
      Rmst.Arm res = Rmst.arm(tg, eg, tau);
      close(r.get("rmst:a" + g), res.estimate(), "rmst a" + g + " (seed " + seed + ")");
      close(r.get("rmst_se:a" + g), res.se(), "rmst se a" + g + " (seed " + seed + ")");
    }
  }

  static void close(Double expected, double actual, String what) {
    assertTrue(expected != null, "R did not report " + what);
    assertEquals(expected, actual, 1e-6 * Math.max(1, Math.abs(expected)), what);
  }
}
