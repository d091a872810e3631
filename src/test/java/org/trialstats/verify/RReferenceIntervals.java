package org.trialstats.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link IntervalSource} that looks limits up in the R reference file {@code
 * golden/verify/binomial_limits.csv} (written by {@code golden/verify/generate.R}), so the verify
 * logic is tested against R's numbers, independently of our own interval code.
 */
final class RReferenceIntervals implements IntervalSource {
  static final List<String> METHODS =
      List.of(
          "clopper-pearson",
          "wilson",
          "wilson-cc",
          "jeffreys",
          "agresti-coull",
          "wald",
          "mid-p",
          "blaker");

  private final Map<String, double[]> table = new HashMap<>();

  RReferenceIntervals() {
    try (InputStream in = getClass().getResourceAsStream("/golden/verify/binomial_limits.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].trim().split(",");
        table.put(
            key(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Double.parseDouble(f[3])),
            new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String m, int x, int n, double level) {
    return String.format(Locale.ROOT, "%s/%d/%d/%.4f", m, x, n, level);
  }

  @Override
  public List<String> methods() {
    return METHODS;
  }

  @Override
  public double[] limits(String method, int x, int n, double level) {
    return table.get(key(method, x, n, level));
  }

  /** Whether the reference file holds n (every x of it). */
  boolean covers(int n) {
    return table.containsKey(key("clopper-pearson", 0, n, 0.95));
  }
}
