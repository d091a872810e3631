package org.trialstats.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstats.io.InputException;
import org.trialstats.report.OutputFormat;
import org.trialstats.report.ResultRow;
import org.trialstats.response.SimonDesign;
import org.trialstats.response.SimonTwoStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats simon}: Simon (1989) optimal and minimax two-stage phase II designs. */
@Command(
    name = "simon",
    mixinStandardHelpOptions = true,
    description = {
      "Simon two-stage designs (optimal and minimax) for a single-arm response-rate study.",
      "Stop after stage 1 if responses <= r1 of n1; the treatment is promising if > r of n."
    })
public final class SimonCommand implements Runnable {
  static final String METHOD = "simon-1989 exact binomial";

  @Option(names = "--p0", required = true, paramLabel = "P", description = "Uninteresting rate.")
  double p0;

  @Option(names = "--p1", required = true, paramLabel = "P", description = "Target rate (> p0).")
  double p1;

  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      paramLabel = "A",
      description = "One-sided type I error bound (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--power",
      defaultValue = "0.80",
      paramLabel = "P",
      description = "Minimum power at p1 (default: ${DEFAULT-VALUE}).")
  double power;

  @Option(
      names = "--max-n",
      defaultValue = "100",
      paramLabel = "N",
      description = "Largest total sample size searched (default: ${DEFAULT-VALUE}, at most 500).")
  int maxN;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    inUnit("--p0", p0);
    inUnit("--p1", p1);
    inUnit("--alpha", alpha);
    inUnit("--power", power);
    if (!(p1 > p0)) {
      throw new InputException(
          String.format(Locale.ROOT, "--p1 (%s) must be larger than --p0 (%s)", p1, p0));
    }
    if (maxN < 2 || maxN > 500) {
      throw new InputException("--max-n: expected an integer from 2 to 500, found " + maxN);
    }
    SimonTwoStage.Result res = SimonTwoStage.search(p0, p1, alpha, power, maxN);
    List<ResultRow> rows = new ArrayList<>();
    add(rows, "optimal", res.optimal());
    add(rows, "minimax", res.minimax());
    List<String> heading = new ArrayList<>();
    heading.add(
        String.format(
            Locale.ROOT,
            "Simon two-stage design: p0 = %s, p1 = %s, alpha = %s, power = %s, n <= %d [%s]",
            fmt(p0),
            fmt(p1),
            fmt(alpha),
            fmt(power),
            maxN,
            METHOD));
    if (output.format == OutputFormat.TEXT) {
      heading.add("");
      heading.addAll(table(res));
      output.emit(spec, List.of(), heading);
    } else {
      output.emit(spec, rows, heading);
    }
  }

  private static String fmt(double v) {
    return org.trialstats.report.Cells.number(v);
  }

  private static void inUnit(String name, double v) {
    if (!(v > 0 && v < 1)) {
      throw new InputException(
          name + ": expected a number strictly between 0 and 1, found " + fmt(v));
    }
  }

  private void add(List<ResultRow> rows, String group, SimonDesign d) {
    if (d == null) {
      rows.add(
          ResultRow.of("simon", group, "n")
              .method(METHOD)
              .note("no design with n <= " + maxN + " meets alpha and power")
              .build());
      return;
    }
    String note =
        String.format(
            Locale.ROOT,
            "stop if <= %d/%d responses; promising if > %d/%d",
            d.r1(),
            d.n1(),
            d.r(),
            d.n());
    Object[][] terms = {
      {"r1", (double) d.r1()},
      {"n1", (double) d.n1()},
      {"r", (double) d.r()},
      {"n", (double) d.n()},
      {"en0", d.en0()},
      {"pet0", d.pet0()},
      {"alpha", d.alpha()},
      {"power", d.power()}
    };
    for (Object[] t : terms) {
      rows.add(
          ResultRow.of("simon", group, (String) t[0])
              .estimate((Double) t[1])
              .n(d.n())
              .method(METHOD)
              .note(note)
              .build());
    }
  }

  private List<String> table(SimonTwoStage.Result res) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "%-8s  %6s  %6s  %8s  %8s  %8s  %8s",
            "design",
            "r1/n1",
            "r/n",
            "EN(p0)",
            "PET(p0)",
            "alpha",
            "power"));
    for (String g : new String[] {"optimal", "minimax"}) {
      SimonDesign d = g.equals("optimal") ? res.optimal() : res.minimax();
      if (d == null) {
        out.add(String.format(Locale.ROOT, "%-8s  no design with n <= %d", g, maxN));
        continue;
      }
      out.add(
          String.format(
              Locale.ROOT,
              "%-8s  %6s  %6s  %8.2f  %8.4f  %8.4f  %8.4f",
              g,
              d.r1() + "/" + d.n1(),
              d.r() + "/" + d.n(),
              d.en0(),
              d.pet0(),
              d.alpha(),
              d.power()));
    }
    out.add("");
    out.add("Stop after stage 1 if responses <= r1; promising at the end if responses > r.");
    return out;
  }
}
