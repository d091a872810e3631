package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.Columns;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.report.ResultRow;
import org.trialstats.verify.DigitisedCurve;
import org.trialstats.verify.GuyotReconstruction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats reconstruct}: individual patient data from a digitised Kaplan–Meier curve and
 * its numbers at risk (Guyot et al. 2012), per arm, as an ADTTE-shaped CSV.
 */
@Command(
    name = "reconstruct",
    mixinStandardHelpOptions = true,
    description = {
      "Reconstruct patient data from a published Kaplan-Meier curve (Guyot 2012).",
      "Uses the digitised curve and the published numbers at risk (Guyot et al. 2012, BMC Med Res Methodol 12:9), per arm.",
      "Writes USUBJID, ARM, AVAL, CNSR (0 = event) to --ipd; the fit diagnostics",
      "(reconstructed vs digitised survival, numbers at risk) go to --out / standard output."
    })
public final class ReconstructCommand implements Callable<Integer> {
  @Option(
      names = "--curve",
      required = true,
      paramLabel = "FILE",
      description = "Digitised points: CSV with time and survival (proportion or percent) columns.")
  Path curve;

  @Option(
      names = "--risk",
      required = true,
      paramLabel = "FILE",
      description = "Numbers at risk: CSV with time and count columns (the first row at time 0).")
  Path risk;

  @Option(
      names = "--ipd",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the reconstructed patient data (CSV).")
  Path ipd;

  @Option(
      names = "--curve-time",
      defaultValue = "time",
      paramLabel = "COL",
      description = "Time column of --curve (default: ${DEFAULT-VALUE}).")
  String curveTime;

  @Option(
      names = "--curve-survival",
      defaultValue = "survival",
      paramLabel = "COL",
      description = "Survival column of --curve (default: ${DEFAULT-VALUE}).")
  String curveSurv;

  @Option(
      names = "--risk-time",
      defaultValue = "time",
      paramLabel = "COL",
      description = "Time column of --risk (default: ${DEFAULT-VALUE}).")
  String riskTime;

  @Option(
      names = "--risk-count",
      defaultValue = "n_risk",
      paramLabel = "COL",
      description = "Number-at-risk column of --risk (default: ${DEFAULT-VALUE}).")
  String riskCount;

  @Option(
      names = "--arm-col",
      defaultValue = "arm",
      paramLabel = "COL",
      description =
          "Arm column of both files (default: ${DEFAULT-VALUE}); without it the files hold one"
              + " arm, named by --arm.")
  String armCol;

  @Option(
      names = "--arm",
      defaultValue = "ALL",
      paramLabel = "NAME",
      description = "Arm name when the files have no arm column (default: ${DEFAULT-VALUE}).")
  String armName;

  @Option(
      names = "--events",
      split = ",",
      paramLabel = "N|ARM=N",
      description =
          "Reported total number of events (one arm), or ARM=N per arm; fixes the last interval.")
  List<String> events = new ArrayList<>();

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    DataTable c = CsvReader.read(curve);
    DataTable r = CsvReader.read(risk);
    boolean armed = c.has(armCol) || r.has(armCol);
    if (armed && !(c.has(armCol) && r.has(armCol))) {
      throw new InputException(
          String.format(
              "--arm-col %s: the column must be in both files (%s: %s, %s: %s)",
              armCol,
              curve,
              c.has(armCol) ? "present" : "missing",
              risk,
              r.has(armCol) ? "present" : "missing"));
    }
    List<String> arms = armed ? c.levels(armCol) : List.of(armName);
    Map<String, Integer> totals = totals(arms);
    List<ResultRow> rows = new ArrayList<>();
    List<String> heading = new ArrayList<>();
    heading.add("Guyot et al. (2012) reconstruction from " + curve + " and " + risk);
    List<String[]> ipdRows = new ArrayList<>();
    for (String arm : arms) {
      double[][] cv = columns(c, arm, armed, curveTime, curveSurv, "a survival value");
      double[][] rk = columns(r, arm, armed, riskTime, riskCount, "a number at risk");
      if (rk[0].length == 0) {
        throw new InputException(risk + ": no numbers at risk for arm " + arm);
      }
      int[] counts = new int[rk[1].length];
      for (int i = 0; i < counts.length; i++) {
        if (rk[1][i] != Math.rint(rk[1][i]) || rk[1][i] < 0) {
          throw new InputException(
              String.format(
                  Locale.ROOT,
                  "%s: arm %s: number at risk at time %s must be a whole number >= 0, found %s",
                  risk,
                  arm,
                  Cells.number(rk[0][i]),
                  Cells.number(rk[1][i])));
        }
        counts[i] = (int) rk[1][i];
      }
      GuyotReconstruction.Result res;
      try {
        DigitisedCurve dc = DigitisedCurve.clean(cv[0], cv[1], rk[0], counts);
        res = GuyotReconstruction.reconstruct(dc, totals.get(arm));
      } catch (IllegalArgumentException e) {
        throw new InputException(
            String.format("%s / %s, arm %s: %s", curve, risk, arm, e.getMessage()), e);
      }
      heading.add("");
      heading.add(
          String.format(
              Locale.ROOT,
              "arm %s: %d patients, %d events, max |reconstructed - digitised| = %s",
              arm,
              res.n(),
              res.events(),
              Cells.readable(res.maxAbsDiff(), 3)));
      for (String ch : res.curve().changes()) {
        heading.add("  cleaned: " + ch);
      }
      for (String w : res.warnings()) {
        heading.add("  warning: " + w);
      }
      rows.addAll(diagnostics(arm, res, totals.get(arm)));
      for (int i = 0; i < res.n(); i++) {
        ipdRows.add(new String[] {arm, Cells.number(res.time()[i]), res.event()[i] ? "0" : "1"});
      }
    }
    int width = Math.max(4, Integer.toString(ipdRows.size()).length());
    AtomicFiles.writeText(
        ipd,
        w -> {
          w.write("USUBJID,ARM,AVAL,CNSR\n");
          for (int i = 0; i < ipdRows.size(); i++) {
            String[] row = ipdRows.get(i);
            w.write(String.format(Locale.ROOT, "RECON-%0" + width + "d", i + 1));
            for (String cell : row) {
              w.write(',');
              w.write(Cells.csvField(Cells.safeText(cell)));
            }
            w.write('\n');
          }
        });
    heading.add("");
    heading.add("patient data (" + ipdRows.size() + " rows) written to " + ipd);
    output.emit(spec, rows, heading);
    return ExitCodes.OK;
  }

  private Map<String, Integer> totals(List<String> arms) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String e : events) {
      String arm;
      String v;
      int eq = e.indexOf('=');
      if (eq < 0) {
        if (arms.size() != 1) {
          throw new InputException(
              "--events "
                  + e
                  + ": with several arms give ARM=N for each (arms: "
                  + String.join(", ", arms)
                  + ")");
        }
        arm = arms.get(0);
        v = e;
      } else {
        arm = e.substring(0, eq).trim();
        v = e.substring(eq + 1).trim();
        if (!arms.contains(arm)) {
          throw new InputException(
              "--events " + e + ": no arm '" + arm + "' (arms: " + String.join(", ", arms) + ")");
        }
      }
      try {
        int n = Integer.parseInt(v.trim());
        if (n < 0) {
          throw new NumberFormatException();
        }
        out.put(arm, n);
      } catch (NumberFormatException ex) {
        throw new InputException("--events " + e + ": expected a whole number of events");
      }
    }
    return out;
  }

  private double[][] columns(
      DataTable t, String arm, boolean armed, String tc, String vc, String what) {
    DataTable s = t;
    if (armed) {
      String[] a = t.column(armCol);
      boolean[] keep = new boolean[a.length];
      for (int i = 0; i < a.length; i++) {
        keep[i] = a[i].equals(arm);
      }
      s = t.select(keep);
    }
    double[] x = Columns.numbers(s, tc, "a time");
    double[] y = Columns.numbers(s, vc, what);
    return new double[][] {x, y};
  }

  private List<ResultRow> diagnostics(String arm, GuyotReconstruction.Result res, Integer total) {
    List<ResultRow> rows = new ArrayList<>();
    String m = "guyot-2012";
    rows.add(
        ResultRow.of("reconstruct", arm, "n")
            .estimate((double) res.n())
            .n(res.n())
            .events(res.events())
            .method(m)
            .note(
                res.curve().percent() ? "survival read as percent" : "survival read as proportion")
            .build());
    rows.add(
        ResultRow.of("reconstruct", arm, "events")
            .estimate((double) res.events())
            .n(res.n())
            .events(res.events())
            .method(m)
            .note(total == null ? "total events not given" : "reported total " + total)
            .build());
    rows.add(
        ResultRow.of("reconstruct", arm, "max_abs_diff")
            .estimate(res.maxAbsDiff())
            .method(m)
            .note("largest |reconstructed - digitised| survival over the digitised points")
            .build());
    double[] rt = res.curve().riskTimes();
    for (int i = 0; i < rt.length; i++) {
      rows.add(
          ResultRow.of("reconstruct", arm, "at_risk")
              .time(rt[i])
              .estimate((double) res.riskReconstructed()[i])
              .n(res.curve().riskCounts()[i])
              .method(m)
              .note("published " + res.curve().riskCounts()[i])
              .build());
    }
    double[] t = res.curve().time();
    for (int j = 0; j < t.length; j++) {
      double dig = res.curve().survival()[j];
      rows.add(
          ResultRow.of("reconstruct", arm, "survival")
              .time(t[j])
              .estimate(res.fitted()[j])
              .method(m)
              .note(
                  String.format(
                      Locale.ROOT,
                      "digitised %s, difference %s",
                      Cells.number(dig),
                      Cells.readable(res.fitted()[j] - dig, 3)))
              .build());
    }
    for (String ch : res.curve().changes()) {
      rows.add(ResultRow.of("reconstruct", arm, "cleaning").method(m).note(ch).build());
    }
    for (String w : res.warnings()) {
      rows.add(ResultRow.of("reconstruct", arm, "warning").method(m).note(w).build());
    }
    return rows;
  }
}
