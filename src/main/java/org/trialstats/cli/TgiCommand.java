package org.trialstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.preclinical.PAdjust;
import org.trialstats.report.GrowthCurvePlot;
import org.trialstats.report.PreclinicalInputs;
import org.trialstats.report.PreclinicalInputs.TgiAnalysis;
import org.trialstats.report.PreclinicalInputs.TgiSettings;
import org.trialstats.report.PreclinicalRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats tgi}: xenograft tumour growth inhibition from long-format volumes. */
@Command(
    name = "tgi",
    mixinStandardHelpOptions = true,
    description = {
      "Xenograft tumour growth inhibition: volumes by group and day (mean, SEM, median), TGI and"
          + " T/C at a day, relative tumour volume, regressions (Clopper-Pearson), and treated vs"
          + " control tests (Welch t and Wilcoxon on log RTV, Welch t on log-linear growth rates)"
          + " with Holm/BH adjustment.",
      "Input: one row per animal and day with a volume (mm3), or length and width (volume ="
          + " L*W^2/2)."
    })
public final class TgiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;
  @Mixin OutputOptions output;
  @Mixin ConfidenceOptions conf;

  @Option(
      names = "--animal",
      paramLabel = "COL",
      defaultValue = "animal",
      description = "Animal id column (default: ${DEFAULT-VALUE}).")
  String animalCol;

  @Option(
      names = {"--group", "--by"},
      paramLabel = "COL",
      defaultValue = "group",
      description = "Treatment group column (default: ${DEFAULT-VALUE}).")
  String groupCol;

  @Option(
      names = "--time",
      paramLabel = "COL",
      defaultValue = "day",
      description = "Day column (default: ${DEFAULT-VALUE}).")
  String dayCol;

  @Option(
      names = "--volume",
      paramLabel = "COL",
      defaultValue = "volume",
      description = "Tumour volume column, mm3 (default: ${DEFAULT-VALUE}).")
  String volumeCol;

  @Option(
      names = "--length",
      paramLabel = "COL",
      description = "Length column (with --width): volume = length * width^2 / 2.")
  String lengthCol;

  @Option(names = "--width", paramLabel = "COL", description = "Width column (with --length).")
  String widthCol;

  @Option(
      names = {"--control", "--ref"},
      paramLabel = "LEVEL",
      description = "Control group (default: the first group in the file).")
  String control;

  @Option(
      names = "--day",
      paramLabel = "D",
      description =
          "Analysis day (default: the last day on which every control animal is" + " measured).")
  Double day;

  @Option(
      names = "--baseline-day",
      paramLabel = "D",
      description = "Baseline day (default: the earliest day in the data).")
  Double baselineDay;

  @Option(
      names = "--log-floor",
      paramLabel = "V",
      description =
          "Raise volumes below V to V before taking logs (log RTV, growth rates);"
              + " without it a volume of 0 makes those analyses not estimable.")
  Double logFloor;

  @Option(
      names = "--cr-threshold",
      paramLabel = "V",
      description = "Complete regression when the volume is below V (default: only volume 0).")
  Double crThreshold;

  @Option(
      names = "--adjust",
      paramLabel = "METHOD",
      defaultValue = "holm",
      description =
          "p-value adjustment across treated groups: holm, BH, bonferroni, none"
              + " (default: ${DEFAULT-VALUE}).")
  String adjust;

  @Option(
      names = "--compare",
      paramLabel = "A:B",
      description =
          "Also compare group A with group B (A - B; repeatable), e.g. Combo:DrugA; the same"
              + " tests as against control, adjusted together with them.")
  List<String> compare;

  @Option(
      names = "--pairs",
      paramLabel = "all",
      description =
          "all: also compare every pair of treated groups (the later group in the file minus the"
              + " earlier), adjusted together with the comparisons with control.")
  String pairs;

  @Option(names = "--per-animal", description = "Also output each animal's RTV and growth rate.")
  boolean perAnimal;

  @Option(
      names = "--plot",
      paramLabel = "FILE.svg",
      description = "Write growth curves (mean +/- SEM) as SVG.")
  Path plot;

  @Option(names = "--plot-log", description = "Log10 volume axis in the plot.")
  boolean plotLog;

  @Override
  public Integer call() {
    PAdjust adj = PAdjust.parse(adjust);
    if (adj == null) {
      throw new InputException(
          "--adjust: expected holm, BH, bonferroni or none, found '" + adjust + "'");
    }
    if (pairs != null && !pairs.equals("all")) {
      throw new InputException("--pairs: expected all, found '" + pairs + "'");
    }
    TgiSettings s =
        new TgiSettings(
            animalCol,
            groupCol,
            dayCol,
            volumeCol,
            lengthCol,
            widthCol,
            control,
            day,
            baselineDay,
            logFloor,
            crThreshold,
            adj,
            conf.level(),
            compare == null ? List.of() : List.copyOf(compare),
            pairs != null);
    if ((lengthCol == null) != (widthCol == null)) {
      throw new InputException("--length and --width go together (volume = length * width^2 / 2)");
    }
    DataTable t = data.load(s.columns());
    TgiAnalysis a = PreclinicalInputs.tgi(t, s);
    if (plot != null) {
      String svg = GrowthCurvePlot.svg(a.result(), "Tumour growth (" + t.source() + ")", plotLog);
      AtomicFiles.writeText(plot, w -> w.write(svg));
    }
    output.emit(spec, PreclinicalRows.tgi(a.result(), perAnimal), a.heading());
    return ExitCodes.OK;
  }
}
