package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.Columns;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.preclinical.FourParameterLogistic;
import org.trialstats.report.Cells;
import org.trialstats.report.DoseResponsePlot;
import org.trialstats.report.PreclinicalRows;
import org.trialstats.report.ResultRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats ic50}: four-parameter logistic dose-response fits. */
@Command(
    name = "ic50",
    mixinStandardHelpOptions = true,
    description = {
      "Four-parameter logistic dose-response fit (Levenberg-Marquardt least squares, replicate"
          + " wells allowed): IC50 with a Wald t interval on log10 IC50, bottom, top, Hill slope,"
          + " residual SE and R^2; optional fixed bottom/top; SVG curve with points."
    })
public final class Ic50Command implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;
  @Mixin OutputOptions output;
  @Mixin ConfidenceOptions conf;

  @Option(
      names = "--conc",
      paramLabel = "COL",
      defaultValue = "conc",
      description = "Concentration column, > 0 (default: ${DEFAULT-VALUE}).")
  String concCol;

  @Option(
      names = "--response",
      paramLabel = "COL",
      defaultValue = "response",
      description = "Response column (default: ${DEFAULT-VALUE}).")
  String responseCol;

  @Option(
      names = "--by",
      paramLabel = "COL",
      description = "Fit one curve per level (compound, cell line).")
  String byCol;

  @Option(names = "--bottom", paramLabel = "V", description = "Hold the bottom plateau at V.")
  Double bottom;

  @Option(names = "--top", paramLabel = "V", description = "Hold the top plateau at V.")
  Double top;

  @Option(
      names = "--conc-unit",
      paramLabel = "UNIT",
      defaultValue = "",
      description = "Concentration unit for the plot and heading (e.g. uM).")
  String unit;

  @Option(
      names = "--plot",
      paramLabel = "FILE.svg",
      description = "Write the fitted curves with the data points as SVG.")
  Path plot;

  @Override
  public Integer call() {
    Set<String> need = new LinkedHashSet<>(List.of(concCol, responseCol));
    if (byCol != null) {
      need.add(byCol);
    }
    checkFixed(bottom, top);
    DataTable t = data.load(need);
    List<DoseResponsePlot.Series> series =
        fit(t, concCol, responseCol, byCol, bottom, top, conf.level());
    List<ResultRow> rows = new ArrayList<>();
    for (DoseResponsePlot.Series s : series) {
      rows.addAll(PreclinicalRows.ic50(s.label(), s.fit()));
    }
    if (plot != null) {
      String svg =
          DoseResponsePlot.svg(series, "Dose-response (" + t.source() + ")", unit, responseCol);
      AtomicFiles.writeText(plot, w -> w.write(svg));
    }
    List<String> heading = new ArrayList<>();
    heading.add(
        "Four-parameter logistic fit: "
            + t.source()
            + (unit.isEmpty() ? "" : " (concentration in " + unit + ")"));
    heading.add(
        "y = bottom + (top - bottom) / (1 + 10^((log10 IC50 - log10 x) * hill));"
            + " Levenberg-Marquardt least squares; CI: Wald t (residual df) on log10 IC50"
            + (bottom == null ? "" : "; bottom fixed at " + Cells.number(bottom))
            + (top == null ? "" : "; top fixed at " + Cells.number(top)));
    output.emit(spec, rows, heading);
    return ExitCodes.OK;
  }

  private static void checkFixed(Double bottom, Double top) {
    if ((bottom != null && !Double.isFinite(bottom)) || (top != null && !Double.isFinite(top))) {
      throw new InputException("--bottom/--top: expected finite numbers");
    }
  }

  /**
   * Checks the table and fits one curve per level of {@code byCol} (one curve, labelled {@code
   * ALL}, when null). Bad input is an {@link InputException} naming file, row and column; a curve
   * that cannot be fitted comes back unconverged with a note. Used by the command and available to
   * the report builder (each series feeds {@link PreclinicalRows#ic50} and {@link
   * DoseResponsePlot}).
   *
   * @param bottom fixed bottom plateau, null to estimate it
   * @param top fixed top plateau, null to estimate it
   */
  public static List<DoseResponsePlot.Series> fit(
      DataTable t,
      String concCol,
      String responseCol,
      String byCol,
      Double bottom,
      Double top,
      double level) {
    checkFixed(bottom, top);
    double fb = bottom == null ? Double.NaN : bottom;
    double ft = top == null ? Double.NaN : top;
    int p = FourParameterLogistic.freeParameters(fb, ft);
    double[] conc = Columns.numbers(t, concCol, "a positive concentration");
    for (int i = 0; i < conc.length; i++) {
      if (!(conc[i] > 0)) {
        throw Columns.bad(
            t,
            i,
            concCol,
            "a positive concentration (the curve is fitted on"
                + " log10 concentration; leave vehicle wells at 0 out, e.g. with --where)",
            t.column(concCol)[i]);
      }
    }
    double[] y = Columns.numbers(t, responseCol, "a numeric response");
    String[] by = byCol == null ? null : Columns.labels(t, byCol, "a group label");
    List<String> levels = byCol == null ? List.of("ALL") : t.levels(byCol);
    List<DoseResponsePlot.Series> series = new ArrayList<>();
    for (String lv : levels) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < conc.length; i++) {
        if (by == null || by[i].equals(lv)) {
          idx.add(i);
        }
      }
      double[] c = idx.stream().mapToDouble(i -> conc[i]).toArray();
      double[] r = idx.stream().mapToDouble(i -> y[i]).toArray();
      String where = byCol == null ? t.source() : t.source() + ", " + byCol + "=" + lv;
      if (c.length <= p) {
        throw new InputException(
            String.format(
                "%s: %d points for %d free parameters; at least" + " %d are needed",
                where, c.length, p, p + 1));
      }
      Set<Double> distinct = new HashSet<>();
      for (double v : c) {
        distinct.add(v);
      }
      if (distinct.size() < p) {
        throw new InputException(
            String.format(
                "%s: %d distinct concentrations for %d free"
                    + " parameters; at least %d are needed",
                where, distinct.size(), p, p));
      }
      boolean flat = true;
      for (double v : r) {
        flat &= v == r[0];
      }
      if (flat) {
        throw new InputException(
            String.format(
                "%s: IC50 not estimable: the response is flat" + " (every value is %s)",
                where, Cells.number(r[0])));
      }
      FourParameterLogistic.Fit f = FourParameterLogistic.fit(c, r, fb, ft, level);
      series.add(new DoseResponsePlot.Series(lv, c, r, f));
    }
    return series;
  }
}
