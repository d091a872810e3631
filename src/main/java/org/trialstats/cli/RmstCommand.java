package org.trialstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.report.ResultRow;
import org.trialstats.report.StatRows;
import org.trialstats.survival.Rmst;
import org.trialstats.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats rmst}: restricted mean survival time per arm up to tau, and the difference and
 * ratio of each arm vs the reference ({@link Rmst}, as R {@code survRM2::rmst2} unadjusted).
 */
@Command(
    name = "rmst",
    mixinStandardHelpOptions = true,
    description = {
      "Restricted mean survival time per arm, with difference and ratio between arms.",
      "Area under the Kaplan-Meier curve up to --tau per arm with SE and CI; difference and ratio of each --by level vs --ref with CI and p (as R survRM2)."
    })
public final class RmstCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DataOptions data;
  @Mixin SurvivalOptions surv;
  @Mixin ConfidenceOptions conf;
  @Mixin OutputOptions output;

  @Option(
      names = "--tau",
      paramLabel = "T",
      description =
          "Truncation time in the report unit (default: as survRM2, the smallest of the arms'"
              + " largest observed times, ignoring an arm whose curve has reached 0).")
  Double tau;

  static final String METHOD = StatRows.RMST_METHOD;

  @Override
  public Integer call() {
    if (!surv.strata.isEmpty()) {
      throw new InputException(
          "rmst: --strata is not supported (survRM2's unadjusted RMST is not stratified);"
              + " drop it or filter with --where");
    }
    SurvivalInput in = surv.load(data);
    SurvivalData d = in.data();
    int groups = d.groupCount();
    double[] maxTime = new double[groups];
    boolean[] endsWithEvent = new boolean[groups];
    List<SurvivalData> arms = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      SurvivalData a = groups == 1 ? d : d.onlyGroup(g);
      arms.add(a);
      int last = a.size() - 1;
      maxTime[g] = a.time(last);
      boolean all = true;
      for (int k = last; k >= 0 && a.time(k) == maxTime[g]; k--) {
        all &= a.event(k);
      }
      endsWithEvent[g] = all;
    }
    double limit = Rmst.defaultTau(maxTime, endsWithEvent);
    String unit = in.unit();
    double t;
    List<String> notes = new ArrayList<>(in.notes());
    if (tau == null) {
      t = limit;
      notes.add("tau = " + Cells.plain(t) + " " + unit + " (survRM2 default)");
    } else {
      if (!(tau > 0) || Double.isInfinite(tau)) {
        throw new InputException("--tau: expected a positive time, found " + tau);
      }
      if (tau > limit) {
        throw new InputException(
            String.format(
                "--tau %s: must be at most %s %s, beyond which the Kaplan-Meier curve of an arm is"
                    + " not defined (largest observed times: %s)",
                Cells.plain(tau), Cells.plain(limit), unit, largest(d, maxTime, endsWithEvent)));
      }
      t = tau;
    }
    double level = conf.level();
    List<Rmst.Arm> res = new ArrayList<>();
    List<ResultRow> rows = new ArrayList<>();
    List<String> levels = d.groupLevels();
    for (int g = 0; g < groups; g++) {
      SurvivalData a = arms.get(g);
      Rmst.Arm r = Rmst.arm(a.times(), a.events(), t);
      res.add(r);
      rows.add(
          StatRows.rmstArm(
              "rmst",
              levels.get(g),
              r,
              level,
              g == 0 && !notes.isEmpty() ? String.join("; ", notes) : null));
    }
    for (int g = 1; g < groups; g++) {
      String label = levels.get(g) + " vs " + levels.get(0);
      rows.addAll(StatRows.rmstContrasts("rmst", label, res.get(g), res.get(0), level));
    }
    List<String> heading = new ArrayList<>();
    heading.add(
        "Restricted mean survival time up to tau = "
            + Cells.plain(t)
            + " "
            + unit
            + " (area under the Kaplan-Meier curve; survRM2 variance)");
    heading.addAll(notes);
    output.emit(spec, rows, heading);
    return ExitCodes.OK;
  }

  private static String largest(SurvivalData d, double[] maxTime, boolean[] endsWithEvent) {
    List<String> s = new ArrayList<>();
    for (int g = 0; g < maxTime.length; g++) {
      s.add(
          d.groupLevels().get(g)
              + " "
              + Cells.plain(maxTime[g])
              + (endsWithEvent[g] ? " (event)" : " (censored)"));
    }
    return String.join(", ", s);
  }
}
