package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.report.DoseResponsePlot;
import org.trialstats.report.PreclinicalInputs;
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
        PreclinicalInputs.ic50(t, concCol, responseCol, byCol, bottom, top, conf.level());
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
}
