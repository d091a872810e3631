package org.trialstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.trialstats.io.AtomicFiles;
import org.trialstats.report.OutputFormat;
import org.trialstats.report.ResultRow;
import org.trialstats.report.TidyWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Output options of the contract: --format and --out. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "Output format: text, csv or json (default: ${DEFAULT-VALUE}).")
  public OutputFormat format;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write to FILE (atomically) instead of standard output.")
  public Path out;

  /**
   * Renders the rows in the chosen format to --out or standard output. {@code heading} lines are
   * shown above the table in text format only.
   */
  public void emit(CommandSpec spec, List<ResultRow> rows, List<String> heading) {
    if (out != null) {
      AtomicFiles.writeText(out, w -> TidyWriter.write(w, format, rows, heading));
    } else {
      PrintWriter w = spec.commandLine().getOut();
      TidyWriter.write(w, format, rows, heading);
    }
  }
}
