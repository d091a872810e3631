package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live check against R (needs Rscript; runs only with {@code mvn verify -Pconformance}): random
 * cases outside the golden grid for binom.test, prop.test, fisher.test and mantelhaen.test.
 */
@Tag("conformance")
class OrrConformanceTest {
  @Test
  void randomCasesAgainstLiveR() throws IOException, InterruptedException {
    Random rnd = new Random(2026);
    StringBuilder r = new StringBuilder("options(digits = 17)\n");
    List<int[]> cases = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n1 = 1 + rnd.nextInt(400);
      int n2 = 1 + rnd.nextInt(400);
      int[] c = {rnd.nextInt(n1 + 1), n1, rnd.nextInt(n2 + 1), n2};
      cases.add(c);
      r.append(
          String.format(
              Locale.ROOT,
              "b <- binom.test(%d, %d, conf.level = 0.9)$conf.int; w <- suppressWarnings(prop.test(%d, %d,"
                  + " correct = FALSE, conf.level = 0.9))$conf.int; f <- fisher.test(matrix(c(%d, %d, %d,"
                  + " %d), 2))$p.value; cat(sprintf('%%.17g', c(b, w, f)), '\\n')\n",
              c[0],
              c[1],
              c[0],
              c[1],
              c[0],
              c[2],
              c[1] - c[0],
              c[3] - c[2]));
    }
    java.nio.file.Path script = java.nio.file.Files.createTempFile("orr-conformance", ".R");
    java.nio.file.Files.writeString(script, r.toString());
    Process p =
        new ProcessBuilder("Rscript", "--vanilla", script.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "Rscript failed");
    java.nio.file.Files.deleteIfExists(script);
    String[] lines = out.trim().split("\n");
    assertEquals(cases.size(), lines.length, out);
    for (int i = 0; i < lines.length; i++) {
      String[] v = lines[i].trim().split("\\s+");
      int[] c = cases.get(i);
      BinomialInterval cp =
          BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, c[0], c[1], 0.9);
      BinomialInterval wi = BinomialInterval.compute(BinomialMethod.WILSON, c[0], c[1], 0.9);
      double f = OddsRatio.fisherTwoSided(c[0], c[1], c[2], c[3]);
      double[] got = {cp.lower(), cp.upper(), wi.lower(), wi.upper(), f};
      for (int k = 0; k < 5; k++) {
        double e = Double.parseDouble(v[k]);
        assertTrue(
            Math.abs(e - got[k]) <= 1e-9 * Math.max(1e-3, Math.abs(e)),
            "case " + java.util.Arrays.toString(c) + " item " + k + ": R " + e + " vs " + got[k]);
      }
    }
  }
}
