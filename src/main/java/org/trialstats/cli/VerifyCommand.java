package org.trialstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.InputException;
import org.trialstats.report.OutputFormat;
import org.trialstats.report.TidyWriter;
import org.trialstats.report.VerifyReport;
import org.trialstats.response.BinomialMethod;
import org.trialstats.verify.ResponseIntervals;
import org.trialstats.verify.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats verify}: which method and rounding reproduce published figures. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check published response rates and medians: which method reproduces them.",
      "Tries every interval method:",
      "is the estimate consistent with x/n at the printed precision, and which method",
      "reproduces both printed limits (rounding half up and half to even both tried)?",
      "Verdicts: reproduced, not-reproduced (nearest method shown), inconsistent-estimate."
    })
public final class VerifyCommand implements Callable<Integer> {
  @Option(
      names = "--claims",
      required = true,
      paramLabel = "FILE",
      description =
          "Claims CSV: claim_id, responders, n, reported_estimate, reported_low, reported_high,"
              + " conf_level, sides, source; median claims add reported_median,"
              + " reported_median_low, reported_median_high, data, data_where, data_time,"
              + " data_censor or data_event, time_scale (see docs/verify.md).")
  Path claims;

  @Option(
      names = "--methods",
      split = ",",
      paramLabel = "M",
      description =
          "Interval methods to try (default: all; Clopper-Pearson is always listed first).")
  List<String> methods = new ArrayList<>();

  @Option(
      names = "--also-level",
      split = ",",
      paramLabel = "P",
      description = "Confidence levels to try in addition to each claim's own (e.g. 0.90).")
  List<Double> alsoLevels = new ArrayList<>();

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Also write the HTML reconciliation page to FILE.")
  Path html;

  @Option(
      names = "--detail",
      paramLabel = "FILE",
      description = "Also write every method tried as tidy contract CSV (analysis verify) to FILE.")
  Path detail;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<BinomialMethod> ms = new ArrayList<>();
    for (String m : methods) {
      try {
        ms.add(BinomialMethod.parse(m));
      } catch (IllegalArgumentException e) {
        throw new InputException("--methods: " + e.getMessage());
      }
    }
    for (double l : alsoLevels) {
      if (!(l > 0 && l < 1)) {
        throw new InputException("--also-level: expected a level in (0, 1), found " + l);
      }
    }
    ResponseIntervals intervals =
        ms.isEmpty() ? new ResponseIntervals() : new ResponseIntervals(ms);
    List<VerifyResult> results =
        VerifyReport.verify(claims, intervals, VerifyReport.KM_MEDIANS, alsoLevels);
    if (output.out != null) {
      AtomicFiles.writeText(output.out, w -> write(w, results));
    } else {
      PrintWriter w = spec.commandLine().getOut();
      write(w, results);
    }
    if (html != null) {
      AtomicFiles.writeText(
          html,
          w ->
              w.write(
                  VerifyReport.htmlPage(results, "Published figures: " + claims.getFileName())));
    }
    if (detail != null) {
      AtomicFiles.writeText(
          detail,
          w -> TidyWriter.write(w, OutputFormat.CSV, VerifyReport.detailRows(results), List.of()));
    }
    return ExitCodes.OK;
  }

  private void write(java.io.Writer w, List<VerifyResult> results) {
    switch (output.format) {
      case CSV -> VerifyReport.csv(w, results);
      case JSON -> VerifyReport.json(w, results);
      case TEXT -> VerifyReport.text(w, results);
    }
  }
}
