package org.trialstats.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.trialstats.io.InputException;

/**
 * Rounding of numbers for the HTML report (the CSV keeps full precision). One place, so the test
 * that matches HTML numbers to results.csv knows the rules: percentages with 1 decimal, ratios and
 * times with 2, p-values with 3 significant digits ({@code <0.001} below).
 */
public final class Fmt {
  private Fmt() {}

  /** A proportion as a percentage with one decimal. */
  public static String pct(double p) {
    return Double.isFinite(p) ? String.format(Locale.ROOT, "%.1f", 100 * p) : "NE";
  }

  /** A CI of proportions as percentages: {@code 23.4, 63.1}. */
  public static String pctCi(double lo, double hi) {
    return pct(lo) + ", " + pct(hi);
  }

  /** A ratio or time with two decimals; NE when not estimable. */
  public static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "NE";
  }

  public static String ci(double lo, double hi) {
    return num(lo) + ", " + num(hi);
  }

  /** A p-value: 3 decimals, {@code <0.001} below. */
  public static String p(double p) {
    if (!Double.isFinite(p)) {
      return "NE";
    }
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** A confidence level as a percentage, e.g. 95 or 97.5. */
  public static String level(double level) {
    return Cells.readable(100 * level, 4).replaceAll("\\.?0+$", "");
  }

  /** SHA-256 of a file as lower-case hex. */
  public static String sha256(Path p) {
    try (InputStream in = Files.newInputStream(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new InputException(p + ": cannot read: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SHA-256 of text (UTF-8). */
  public static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(md.digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
