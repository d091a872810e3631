import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded benchmark dataset: two arms, three strata, exponential event times (hazard ratio 0.75,
 * stratum-specific baseline hazards), uniform administrative censoring, times with 2 decimals.
 * Columns follow ADaM naming so trialstats' defaults apply: USUBJID, ARM, STRATUM, AVAL, CNSR.
 *
 * <p>Run without compiling: {@code java bench/GenerateData.java ROWS OUT.csv [SEED]}.
 */
public final class GenerateData {
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java bench/GenerateData.java ROWS OUT.csv [SEED]");
      System.exit(2);
    }
    long rows = Long.parseLong(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261126L;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] base = {0.02, 0.035, 0.05}; // per-month hazards of the three strata
    String[] arms = {"Control", "Experimental"};
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      w.write("USUBJID,ARM,STRATUM,AVAL,CNSR\n");
      StringBuilder b = new StringBuilder(64);
      for (long i = 0; i < rows; i++) {
        int arm = rng.nextInt(2);
        int st = rng.nextInt(3);
        double h = base[st] * (arm == 1 ? 0.75 : 1.0);
        double t = -Math.log(1 - rng.nextDouble()) / h;
        double c = 6 + 54 * rng.nextDouble();
        boolean event = t <= c;
        double time = Math.max(0.01, Math.round(Math.min(t, c) * 100) / 100.0);
        b.setLength(0);
        b.append("S").append(i + 1).append(',').append(arms[arm]).append(",S").append(st + 1);
        b.append(',').append(String.format(Locale.ROOT, "%.2f", time));
        b.append(',').append(event ? '0' : '1').append('\n');
        w.write(b.toString());
      }
    }
  }
}
