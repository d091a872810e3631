package org.trialstats.report;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.io.DataLoader;
import org.trialstats.io.DataTable;
import org.trialstats.preclinical.FourParameterLogistic;
import org.trialstats.preclinical.PAdjust;
import org.trialstats.preclinical.TumourGrowth;
import org.trialstats.report.ReportModel.Block;
import org.trialstats.report.ReportModel.Figure;
import org.trialstats.report.ReportModel.Paragraph;
import org.trialstats.report.ReportModel.Section;
import org.trialstats.report.ReportModel.Table;

/**
 * The report's {@code preclinical} section (issue 9): tumour growth inhibition table, group
 * comparisons and growth curves ({@link PreclinicalInputs#tgi}), animal survival ({@link
 * AnimalSurvivalSection}), and the IC50 table with dose-response curves ({@link
 * PreclinicalInputs#ic50}). The numbers are those of the {@code tgi} and {@code ic50} commands
 * (same cores, same rows in {@code results.csv}).
 */
final class PreclinicalSection {
  private PreclinicalSection() {}

  /** Builds the section, appending its contract rows, methods lines and input files. */
  static Section build(
      ReportSpec.Preclinical p,
      double level,
      List<ResultRow> rows,
      List<String> methods,
      List<ReportModel.InputFile> inputs) {
    List<Block> b = new ArrayList<>();
    if (p.tgiData() != null) {
      DataTable t = read("xenograft volumes", p.tgiData(), inputs);
      PreclinicalInputs.TgiSettings s =
          new PreclinicalInputs.TgiSettings(
              p.animal(),
              p.group(),
              p.day(),
              p.volume(),
              null,
              null,
              p.control(),
              p.tgiDay(),
              null,
              p.logFloor(),
              null,
              PAdjust.parse(p.adjust()),
              level,
              p.compare(),
              p.allPairs());
      PreclinicalInputs.TgiAnalysis a = PreclinicalInputs.tgi(t, s);
      TumourGrowth.Result r = a.result();
      rows.addAll(PreclinicalRows.tgi(r, false));
      b.add(new Paragraph(String.join(". ", a.heading().subList(1, a.heading().size())) + "."));
      b.add(tgiTable(r));
      b.add(comparisonTable(r));
      b.add(
          new Figure(
              GrowthCurvePlot.svg(r, "Tumour growth", p.logScale()),
              "Mean tumour volume \u00b1 SEM by group and day ("
                  + ReportBuilder.display(p.tgiData())
                  + ").",
              "growth"));
      methods.add(
          "Tumour growth inhibition as `trialstats tgi` (docs/preclinical.md): TGI = 1 \u2212"
              + " \u0394T/\u0394C on mean changes from baseline, Welch t and Wilcoxon rank-sum on"
              + " log relative tumour volume, Welch t on per-animal log-linear growth rates, p-values"
              + " adjusted by "
              + PAdjust.parse(p.adjust()).label()
              + " within each test.");
    }
    if (p.survival() != null) {
      AnimalSurvivalSection.add(p.survival(), level, b, rows, methods, inputs);
    }
    if (p.ic50Data() != null) {
      DataTable t = read("dose-response", p.ic50Data(), inputs);
      List<DoseResponsePlot.Series> fits =
          PreclinicalInputs.ic50(t, p.conc(), p.response(), p.by(), null, null, level);
      List<List<String>> cells = new ArrayList<>();
      String unit = p.concUnit() == null ? "" : " " + p.concUnit();
      for (DoseResponsePlot.Series f : fits) {
        rows.addAll(PreclinicalRows.ic50(f.label(), f.fit()));
        cells.add(ic50Cells(f.label(), f.fit(), unit));
      }
      b.add(
          new Table(
              "IC50 by four-parameter logistic fit ("
                  + Fmt.level(level)
                  + "% Wald t interval on log10 IC50)",
              List.of(
                  "Group",
                  "n",
                  "IC50" + unit,
                  Fmt.level(level) + "% CI",
                  "Hill",
                  "R\u00b2",
                  "Note"),
              cells,
              new boolean[] {false, true, true, true, true, true, false}));
      b.add(
          new Figure(
              DoseResponsePlot.svg(fits, "Dose response", p.concUnit(), p.response()),
              "Responses (points) and fitted four-parameter logistic curves ("
                  + ReportBuilder.display(p.ic50Data())
                  + ").",
              "dose-response"));
      methods.add(
          "IC50 as `trialstats ic50` (docs/preclinical.md): four-parameter logistic least squares"
              + " (Levenberg\u2013Marquardt), Wald t interval on log10 IC50.");
    }
    return new Section("preclinical", "Preclinical efficacy", b);
  }

  /** Reads an input of the section and lists it (with its checksum) in the provenance. */
  static DataTable read(String what, java.nio.file.Path file, List<ReportModel.InputFile> inputs) {
    DataTable t = DataLoader.read(file, null);
    inputs.add(
        new ReportModel.InputFile(
            what, ReportBuilder.display(file), Fmt.sha256(file), t.rowCount()));
    return t;
  }

  private static Table tgiTable(TumourGrowth.Result r) {
    List<List<String>> cells = new ArrayList<>();
    for (TumourGrowth.GroupResult g : r.groups()) {
      cells.add(
          List.of(
              g.group() + (g.control() ? " (control)" : ""),
              Integer.toString(g.n()),
              g.control() ? "" : Fmt.pct(g.tgi()),
              g.control() ? "" : Fmt.num(g.tOverC()),
              g.n() == 0 ? "" : Fmt.num(g.rtvMean()),
              g.n() == 0 ? "" : g.partial().events() + "/" + g.partial().n(),
              g.n() == 0 ? "" : g.complete().events() + "/" + g.complete().n()));
    }
    return new Table(
        "Tumour growth at day " + Cells.number(r.day()),
        List.of(
            "Group",
            "n",
            "TGI (%)",
            "T/C",
            "Mean RTV",
            "Partial regression",
            "Complete regression"),
        cells,
        new boolean[] {false, true, true, true, true, true, true});
  }

  private static Table comparisonTable(TumourGrowth.Result r) {
    List<List<String>> cells = new ArrayList<>();
    for (TumourGrowth.Comparison c : r.comparisons()) {
      boolean est = !Double.isNaN(c.estimate());
      cells.add(
          List.of(
              c.group() + " vs " + c.control(),
              c.term() + " (" + c.method() + ")",
              est ? Fmt.num(c.estimate()) : "",
              est && !Double.isNaN(c.confLow())
                  ? Fmt.num(c.confLow()) + " to " + Fmt.num(c.confHigh())
                  : "",
              Double.isNaN(c.pValue()) ? "" : Cells.readable(c.pValue(), 3),
              Double.isNaN(c.pAdjusted()) ? "" : Cells.readable(c.pAdjusted(), 3),
              c.note() == null ? "" : c.note()));
    }
    return new Table(
        "Group comparisons at day "
            + Cells.number(r.day())
            + " (estimate = difference, first group minus second)",
        List.of("Comparison", "Test", "Estimate", "CI", "p", "Adjusted p", "Note"),
        cells,
        new boolean[] {false, false, true, true, true, true, false});
  }

  private static List<String> ic50Cells(String label, FourParameterLogistic.Fit f, String unit) {
    if (!f.ic50Estimable()) {
      return List.of(
          label,
          Integer.toString(f.n()),
          "",
          "",
          "",
          f.converged() ? Fmt.num(f.rSquared()) : "",
          f.note() == null ? "" : f.note());
    }
    double[] ci = f.ic50Ci();
    return List.of(
        label,
        Integer.toString(f.n()),
        Cells.readable(f.ic50(), 4),
        Double.isNaN(ci[0]) ? "" : Cells.readable(ci[0], 4) + " to " + Cells.readable(ci[1], 4),
        Fmt.num(f.hill()),
        Fmt.num(f.rSquared()),
        f.note() == null ? "" : f.note());
  }
}
