package org.trialstats.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.trialstats.io.Columns;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataLoader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.verify.BinomialClaim;
import org.trialstats.verify.BinomialVerifier;
import org.trialstats.verify.IntervalSource;
import org.trialstats.verify.KmMedianSource;
import org.trialstats.verify.MedianClaim;
import org.trialstats.verify.MedianSource;
import org.trialstats.verify.MedianVerifier;
import org.trialstats.verify.MethodCheck;
import org.trialstats.verify.PrintedNumber;
import org.trialstats.verify.ResponseIntervals;
import org.trialstats.verify.VerifyResult;

/**
 * Reads a claims file, checks every claim, and writes the results: the verify CSV/JSON/text and the
 * HTML reconciliation page (or a fragment of it for the example report). This is the entry point
 * the {@code verify} command and the report builder share.
 *
 * <p>Claims CSV columns: {@code claim_id}, {@code responders} (may be empty), {@code n}, {@code
 * reported_estimate}, {@code reported_low}, {@code reported_high} (percent as printed), {@code
 * conf_level} (default 0.95; several levels {@code ;}-separated are all tried), {@code sides} (2
 * default, or 1), {@code source}; median claims: {@code reported_median}, {@code
 * reported_median_low}, {@code reported_median_high} and {@code data} (a CSV or SAS file, relative
 * to the claims file) with its mapping {@code data_where} ({@code COL=VALUE;COL=VALUE}), {@code
 * data_time} (default AVAL), {@code data_censor} (default CNSR, 0 = event) or {@code data_event}
 * ({@code COL} with 1 = event, or {@code COL=VALUE}), {@code time_scale} (data times are divided by
 * it, e.g. 30.4375 for days to months; default 1).
 */
public final class VerifyReport {
  private VerifyReport() {}

  /** The columns of the verify CSV, in order. */
  public static final String[] COLUMNS = {
    "claim_id",
    "responders",
    "n",
    "reported_estimate",
    "reported_low",
    "reported_high",
    "recomputed_estimate",
    "matching_methods",
    "verdict",
    "note"
  };

  /** Event times (in the claim's unit) and indicators of one median claim's data. */
  public record SurvivalInput(double[] time, boolean[] event, String description) {}

  /** Builds the medians of one data set; null when median claims are not supported. */
  public interface Medians extends BiFunction<SurvivalInput, MedianClaim, MedianSource> {}

  /** The survival package's Kaplan–Meier medians under each convention ({@link KmMedianSource}). */
  public static final Medians KM_MEDIANS = (in, claim) -> new KmMedianSource(in.time(), in.event());

  /**
   * Reads and checks every claim of {@code claims} with the response package's eight interval
   * methods and the survival package's medians: the one call the example report needs (then {@link
   * #htmlFragment} with {@link #CSS}, or {@link #csv}).
   */
  public static List<VerifyResult> verify(Path claims) {
    return verify(claims, new ResponseIntervals(), KM_MEDIANS, List.of());
  }

  /**
   * Reads and checks every claim.
   *
   * @param claims the claims CSV
   * @param intervals the binomial interval methods tried
   * @param medians the Kaplan–Meier medians for median claims (null: median claims are an error)
   * @param extraLevels confidence levels tried in addition to each claim's own
   */
  public static List<VerifyResult> verify(
      Path claims, IntervalSource intervals, Medians medians, List<Double> extraLevels) {
    DataTable t = CsvReader.read(claims);
    if (!t.has("claim_id")) {
      throw new InputException(
          claims
              + ": a claims file needs a claim_id column; the columns are: "
              + String.join(", ", t.columnNames()));
    }
    BinomialVerifier bv = new BinomialVerifier(intervals);
    List<VerifyResult> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String id = t.cell(i, "claim_id");
      if (id.isEmpty()) {
        throw Columns.bad(t, i, "claim_id", "a claim id", id);
      }
      boolean median = !get(t, i, "reported_median").isEmpty();
      boolean orr = !get(t, i, "reported_estimate").isEmpty() || !get(t, i, "responders").isEmpty();
      if (!median && !orr) {
        throw new InputException(
            String.format(
                "%s: row %d (line %d): claim %s has neither a response figure (responders or"
                    + " reported_estimate) nor a median (reported_median)",
                t.source(), i + 1, t.line(i), id));
      }
      if (orr) {
        out.add(bv.check(binomial(t, i, extraLevels)));
      }
      if (median) {
        if (medians == null) {
          throw new InputException(
              t.source() + ": median claims are not supported in this build (claim " + id + ")");
        }
        MedianClaim mc = medianClaim(t, i);
        SurvivalInput in = survivalInput(t, i, claims);
        out.add(MedianVerifier.check(mc, medians.apply(in, mc)));
      }
    }
    return out;
  }

  private static String get(DataTable t, int i, String col) {
    return t.has(col) ? t.cell(i, col) : "";
  }

  private static BinomialClaim binomial(DataTable t, int i, List<Double> extraLevels) {
    String id = t.cell(i, "claim_id");
    Integer n = integer(t, i, "n", true);
    Integer x = integer(t, i, "responders", false);
    PrintedNumber est = printed(t, i, "reported_estimate");
    PrintedNumber lo = printed(t, i, "reported_low");
    PrintedNumber hi = printed(t, i, "reported_high");
    if (x != null && x > n) {
      throw Columns.bad(
          t, i, "responders", "a count between 0 and n = " + n, t.cell(i, "responders"));
    }
    List<Double> levels = levels(t, i);
    for (double l : extraLevels) {
      if (!levels.contains(l)) {
        levels.add(l);
      }
    }
    String sidesText = get(t, i, "sides");
    int sides = 2;
    if (!sidesText.isEmpty()) {
      if (!sidesText.equals("1") && !sidesText.equals("2")) {
        throw Columns.bad(t, i, "sides", "1 or 2", sidesText);
      }
      sides = Integer.parseInt(sidesText);
    }
    for (PrintedNumber p : new PrintedNumber[] {est, lo, hi}) {
      if (p != null
          && (p.value().signum() < 0
              || p.value().compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
        throw Columns.bad(
            t,
            i,
            p == est ? "reported_estimate" : p == lo ? "reported_low" : "reported_high",
            "a percentage between 0 and 100",
            p.text());
      }
    }
    swapped(t, i, lo, hi, "reported_low", "reported_high");
    return new BinomialClaim(id, x, n, est, lo, hi, levels, sides, get(t, i, "source"));
  }

  /** A lower limit above the upper one is a typing error in the claims file, not a finding. */
  private static void swapped(
      DataTable t, int i, PrintedNumber lo, PrintedNumber hi, String loCol, String hiCol) {
    if (lo != null && hi != null && lo.value().compareTo(hi.value()) > 0) {
      throw new InputException(
          String.format(
              "%s: row %d (line %d), claim %s, columns %s/%s: expected %s <= %s, found %s %s > %s"
                  + " %s (limits swapped?)",
              t.source(),
              i + 1,
              t.line(i),
              t.cell(i, "claim_id"),
              loCol,
              hiCol,
              loCol,
              hiCol,
              loCol,
              lo.text(),
              hiCol,
              hi.text()));
    }
  }

  private static List<Double> levels(DataTable t, int i) {
    List<Double> levels = new ArrayList<>();
    String s = get(t, i, "conf_level");
    if (s.isEmpty()) {
      levels.add(0.95);
      return levels;
    }
    for (String part : s.split(";")) {
      try {
        double v = Double.parseDouble(part.trim());
        if (v >= 50 && v < 100) {
          v /= 100; // "95" means 95%
        }
        if (!(v > 0 && v < 1)) {
          throw new NumberFormatException();
        }
        levels.add(v);
      } catch (NumberFormatException e) {
        throw Columns.bad(
            t, i, "conf_level", "a level in (0, 1) such as 0.95 (several ;-separated)", s);
      }
    }
    return levels;
  }

  private static Integer integer(DataTable t, int i, String col, boolean required) {
    String s = get(t, i, col);
    if (s.isEmpty()) {
      if (required) {
        throw Columns.bad(t, i, col, "a positive whole number", s);
      }
      return null;
    }
    try {
      int v = Integer.parseInt(s);
      if (v < 0 || (required && v == 0)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw Columns.bad(t, i, col, required ? "a positive whole number" : "a whole number >= 0", s);
    }
  }

  private static PrintedNumber printed(DataTable t, int i, String col) {
    String s = get(t, i, col).replace("%", "").trim();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return PrintedNumber.parse(s);
    } catch (IllegalArgumentException e) {
      throw Columns.bad(t, i, col, "a number as printed (e.g. 42.3)", get(t, i, col));
    }
  }

  private static MedianClaim medianClaim(DataTable t, int i) {
    String m = get(t, i, "reported_median");
    String lo = get(t, i, "reported_median_low");
    String hi = get(t, i, "reported_median_high");
    boolean mNr = MedianClaim.notReached(m);
    boolean hNr = MedianClaim.notReached(hi);
    List<Double> levels = levels(t, i);
    PrintedNumber low =
        lo.isEmpty() || MedianClaim.notReached(lo) ? null : printed(t, i, "reported_median_low");
    PrintedNumber high = hNr ? null : printed(t, i, "reported_median_high");
    swapped(t, i, low, high, "reported_median_low", "reported_median_high");
    return new MedianClaim(
        t.cell(i, "claim_id"),
        mNr ? null : printed(t, i, "reported_median"),
        low,
        high,
        mNr,
        hNr,
        levels.get(0),
        get(t, i, "source"));
  }

  private static SurvivalInput survivalInput(DataTable t, int i, Path claims) {
    String data = get(t, i, "data");
    if (data.isEmpty()) {
      throw Columns.bad(t, i, "data", "the patient-level data file of this median claim", data);
    }
    Path dir = claims.toAbsolutePath().getParent();
    Path file = dir == null ? Path.of(data) : dir.resolve(data);
    List<String> where = new ArrayList<>();
    for (String w : get(t, i, "data_where").split(";")) {
      if (!w.isBlank()) {
        where.add(w.trim());
      }
    }
    String timeCol = get(t, i, "data_time").isEmpty() ? "AVAL" : get(t, i, "data_time");
    String eventSpec = get(t, i, "data_event");
    String censorCol = get(t, i, "data_censor").isEmpty() ? "CNSR" : get(t, i, "data_censor");
    String eventCol =
        eventSpec.contains("=") ? eventSpec.substring(0, eventSpec.indexOf('=')) : eventSpec;
    String needed = eventSpec.isEmpty() ? censorCol : eventCol;
    double scale = 1;
    String sc = get(t, i, "time_scale");
    if (!sc.isEmpty()) {
      try {
        scale = Double.parseDouble(sc);
        if (!(scale > 0) || Double.isInfinite(scale)) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw Columns.bad(
            t, i, "time_scale", "a positive number (data times are divided by it)", sc);
      }
    }
    DataTable d;
    try {
      d = DataLoader.load(file, where, null, "USUBJID", Set.of(timeCol, needed));
    } catch (InputException e) {
      throw new InputException(
          String.format(
              "%s: row %d (line %d), claim %s: %s",
              t.source(), i + 1, t.line(i), t.cell(i, "claim_id"), e.getMessage()),
          e);
    }
    double[] time = Columns.times(d, timeCol);
    for (int k = 0; k < time.length; k++) {
      time[k] /= scale;
    }
    boolean[] event;
    if (eventSpec.isEmpty()) {
      event = Columns.eventsFromCensor(d, censorCol);
    } else if (eventSpec.contains("=")) {
      String value = eventSpec.substring(eventSpec.indexOf('=') + 1).trim();
      String[] c = Columns.labels(d, eventCol, "an event code");
      event = new boolean[c.length];
      for (int k = 0; k < c.length; k++) {
        event[k] = c[k].equals(value);
      }
    } else {
      event = Columns.eventsFromEvent(d, eventCol);
    }
    String desc =
        file.getFileName() + (where.isEmpty() ? "" : " where " + String.join(", ", where));
    return new SurvivalInput(time, event, desc);
  }

  // ---------------------------------------------------------------- writers

  /** The verify CSV (header {@link #COLUMNS}); text cells made formula-safe. */
  public static void csv(Writer out, List<VerifyResult> results) {
    try {
      out.write(String.join(",", COLUMNS));
      out.write('\n');
      for (VerifyResult r : results) {
        String[] v = values(r);
        for (int i = 0; i < v.length; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(Cells.csvField(i == 6 || i == 2 ? v[i] : Cells.safeText(v[i])));
        }
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verify rows as a JSON array (numbers as numbers, empty as null), plus the source. */
  public static void json(Writer out, List<VerifyResult> results) {
    try {
      out.write("[");
      for (int k = 0; k < results.size(); k++) {
        VerifyResult r = results.get(k);
        out.write(k == 0 ? "\n  {" : ",\n  {");
        String[] v = values(r);
        for (int i = 0; i < v.length; i++) {
          out.write(Cells.jsonString(COLUMNS[i]) + ": ");
          if (i == 2 || i == 6) {
            out.write(v[i].isEmpty() ? "null" : v[i]);
          } else if (i == 7) {
            out.write("[");
            for (int j = 0; j < r.matchingMethods().size(); j++) {
              out.write((j > 0 ? ", " : "") + Cells.jsonString(r.matchingMethods().get(j)));
            }
            out.write("]");
          } else {
            out.write(Cells.jsonString(v[i]));
          }
          out.write(", ");
        }
        out.write("\"kind\": " + Cells.jsonString(r.kind()) + ", ");
        out.write("\"source\": " + Cells.jsonString(r.source()) + "}");
      }
      out.write(results.isEmpty() ? "]\n" : "\n]\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Readable text: one aligned table, then the notes by claim. */
  public static void text(Writer out, List<VerifyResult> results) {
    try {
      String[] head = {"claim_id", "x/n", "reported", "recomputed", "verdict", "matching methods"};
      List<String[]> rows = new ArrayList<>();
      for (VerifyResult r : results) {
        rows.add(
            new String[] {
              r.claimId(),
              r.kind().equals("median")
                  ? "n=" + r.n()
                  : (r.responders().isEmpty() ? "?" : r.responders()) + "/" + r.n(),
              printedClaim(r),
              r.recomputedEstimate() == null ? "" : Cells.readable(r.recomputedEstimate(), 4),
              r.verdict().label(),
              String.join("; ", r.matchingMethods())
            });
      }
      int[] w = new int[head.length];
      for (int i = 0; i < head.length; i++) {
        w[i] = head[i].length();
        for (String[] r : rows) {
          w[i] = Math.max(w[i], r[i].length());
        }
      }
      StringBuilder b = new StringBuilder();
      line(b, head, w);
      for (String[] r : rows) {
        line(b, r, w);
      }
      b.append('\n');
      for (VerifyResult r : results) {
        b.append(r.claimId()).append(": ").append(r.note()).append('\n');
      }
      out.write(b.toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(StringBuilder b, String[] s, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < s.length; i++) {
      l.append(s[i]).append(" ".repeat(w[i] - s[i].length() + 2));
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }

  /** "42.3 (23.4–63.1)" as printed. */
  static String printedClaim(VerifyResult r) {
    String ci =
        r.reportedLow().isEmpty() && r.reportedHigh().isEmpty()
            ? ""
            : " (" + r.reportedLow() + "–" + r.reportedHigh() + ")";
    return r.reportedEstimate() + ci;
  }

  private static String[] values(VerifyResult r) {
    return new String[] {
      r.claimId(),
      r.responders(),
      Integer.toString(r.n()),
      r.reportedEstimate(),
      r.reportedLow(),
      r.reportedHigh(),
      r.recomputedEstimate() == null ? "" : Cells.number(r.recomputedEstimate()),
      String.join(";", r.matchingMethods()),
      r.verdict().label(),
      r.note()
    };
  }

  /**
   * The tidy contract rows of every method tried (analysis {@code verify}, group = claim id, term
   * {@code orr} (proportions as fractions) or {@code median}; note says whether the printed figure
   * is reproduced and with which rounding).
   */
  public static List<ResultRow> detailRows(List<VerifyResult> results) {
    List<ResultRow> rows = new ArrayList<>();
    for (VerifyResult r : results) {
      boolean orr = r.kind().equals("orr");
      double f = orr ? 0.01 : 1;
      for (MethodCheck c : r.checks()) {
        String note =
            c.reproduced()
                ? "reproduces "
                    + printedClaim(r)
                    + " ("
                    + PrintedNumber.Rounding.describe(c.modes())
                    + ")"
                : String.format(
                    Locale.ROOT,
                    "differs from %s by up to %s",
                    printedClaim(r),
                    Cells.readable(c.maxAbsDiff(), 3));
        if (orr && c.responders() != null && r.responders().contains(";")) {
          note = "x=" + c.responders() + ": " + note;
        }
        rows.add(
            ResultRow.of("verify", r.claimId(), r.kind())
                .estimate(c.estimate() * f)
                .ci(c.low() * f, c.high() * f, c.level())
                .n(r.n())
                .events(orr ? c.responders() : null)
                .method(c.method())
                .note(note)
                .build());
      }
    }
    return rows;
  }

  // ---------------------------------------------------------------- HTML

  /** A self-contained HTML reconciliation page (all text escaped). */
  public static String htmlPage(List<VerifyResult> results, String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + Cells.html(title)
        + "</title>\n<style>"
        + CSS
        + "</style></head><body>\n<h1>"
        + Cells.html(title)
        + "</h1>\n"
        + htmlFragment(results)
        + "</body></html>\n";
  }

  /** Styles used by {@link #htmlFragment} (for pages that embed it). */
  public static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:2em;max-width:75em}"
          + "table{border-collapse:collapse;margin:1em 0}"
          + "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
          + "td.num{text-align:right;font-variant-numeric:tabular-nums}"
          + ".reproduced{background:#e6f4e6}.not-reproduced{background:#fff4d6}"
          + ".inconsistent-estimate{background:#fbe3e3}"
          + "details{margin:.2em 0}.small{font-size:.9em;color:#444}";

  /**
   * The reconciliation section: a summary table (one row per claim, coloured by verdict) and, per
   * claim, every method tried with its recomputed limits. All text is HTML-escaped.
   */
  public static String htmlFragment(List<VerifyResult> results) {
    StringBuilder b = new StringBuilder();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (VerifyResult r : results) {
      counts.merge(r.verdict().label(), 1, Integer::sum);
    }
    b.append("<section class=\"verify\">\n<p>")
        .append(results.size())
        .append(" published figure")
        .append(results.size() == 1 ? "" : "s")
        .append(" checked");
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      b.append("; ").append(e.getValue()).append(' ').append(Cells.html(e.getKey()));
    }
    b.append(
        ". A figure is reproduced when the recomputed value, rounded to the printed number of"
            + " decimals (half up or half to even), equals the printed value.</p>\n");
    b.append(
        "<table><thead><tr><th>claim</th><th>x/n</th><th>reported</th><th>recomputed</th>"
            + "<th>verdict</th><th>matching methods</th><th>note</th><th>source</th></tr></thead><tbody>\n");
    for (VerifyResult r : results) {
      b.append("<tr class=\"")
          .append(Cells.html(r.verdict().label()))
          .append("\"><td>")
          .append(Cells.html(r.claimId()))
          .append("</td><td class=\"num\">")
          .append(
              Cells.html(
                  r.kind().equals("median")
                      ? "n=" + r.n()
                      : (r.responders().isEmpty() ? "?" : r.responders()) + "/" + r.n()))
          .append("</td><td class=\"num\">")
          .append(Cells.html(printedClaim(r)))
          .append("</td><td class=\"num\">")
          .append(
              r.recomputedEstimate() == null
                  ? ""
                  : Cells.html(Cells.readable(r.recomputedEstimate(), 4)))
          .append("</td><td>")
          .append(Cells.html(r.verdict().label()))
          .append("</td><td>")
          .append(Cells.html(String.join("; ", r.matchingMethods())))
          .append("</td><td class=\"small\">")
          .append(Cells.html(r.note()))
          .append("</td><td class=\"small\">")
          .append(Cells.html(r.source()))
          .append("</td></tr>\n");
    }
    b.append("</tbody></table>\n");
    for (VerifyResult r : results) {
      if (r.checks().isEmpty()) {
        continue;
      }
      b.append("<details><summary>")
          .append(Cells.html(r.claimId() + ": every method tried"))
          .append("</summary><table><thead><tr><th>method</th><th>level</th>")
          .append(r.kind().equals("orr") ? "<th>x</th>" : "")
          .append(
              "<th>estimate</th><th>low</th><th>high</th><th>reproduces</th></tr></thead><tbody>\n");
      for (MethodCheck c : r.checks()) {
        b.append("<tr class=\"")
            .append(c.reproduced() ? "reproduced" : "")
            .append("\"><td>")
            .append(Cells.html(c.method()))
            .append("</td><td class=\"num\">")
            .append(Cells.html(Cells.readable(c.level(), 3)))
            .append("</td>");
        if (r.kind().equals("orr")) {
          b.append("<td class=\"num\">").append(c.responders()).append("</td>");
        }
        b.append("<td class=\"num\">")
            .append(Cells.html(fixed(c.estimate())))
            .append("</td><td class=\"num\">")
            .append(Cells.html(fixed(c.low())))
            .append("</td><td class=\"num\">")
            .append(Cells.html(fixed(c.high())))
            .append("</td><td>")
            .append(c.reproduced() ? Cells.html(PrintedNumber.Rounding.describe(c.modes())) : "no")
            .append("</td></tr>\n");
      }
      b.append("</tbody></table></details>\n");
    }
    return b.append("</section>\n").toString();
  }

  private static String fixed(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "NE";
  }
}
