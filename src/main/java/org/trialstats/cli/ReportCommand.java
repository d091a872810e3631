package org.trialstats.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.report.Fmt;
import org.trialstats.report.HtmlReport;
import org.trialstats.report.ReportBuilder;
import org.trialstats.report.ReportModel;
import org.trialstats.report.ReportSpec;
import org.trialstats.report.TidyWriter;
import org.trialstats.report.VerifyReport;
import org.trialstats.verify.VerifyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats report}: an analysis spec (YAML) in, a self-contained HTML report, results.csv
 * and the derived datasets out, written atomically into one folder.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Build an efficacy report (self-contained HTML + tidy results.csv) from a YAML spec.",
      "Without --spec: runs the bundled examples (datasets/*/report.yaml) into reports/example/."
    })
public final class ReportCommand implements Runnable {
  /** The bundled example specs and their output subfolders. */
  static final String[][] EXAMPLES = {
    {"datasets/colon-adam/report.yaml", "colon"},
    {"datasets/sim-lgsoc/report.yaml", "lgsoc"},
    {"datasets/preclinical/report.yaml", "preclinical"}
  };

  /** Published figures checked by {@code verify} as part of the example report. */
  static final String PUBLISHED_CLAIMS = "datasets/published/claims.csv";

  @Spec CommandSpec spec;

  @Option(names = "--spec", paramLabel = "FILE", description = "The analysis spec (YAML).")
  Path specFile;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      description =
          "Output folder, replaced atomically (default: reports/<spec name>, or reports/example"
              + " for the bundled examples).")
  Path out;

  @Override
  public void run() {
    String cmd =
        "trialstats " + String.join(" ", spec.root().commandLine().getParseResult().originalArgs());
    if (specFile == null) {
      Path root = out == null ? Path.of("reports", "example") : out;
      for (String[] ex : EXAMPLES) {
        Path s = Path.of(ex[0]);
        if (!Files.exists(s)) {
          throw new InputException(
              ex[0]
                  + ": bundled example spec not found; run from the trialstats project folder"
                  + " or give --spec FILE");
        }
      }
      StringBuilder index = new StringBuilder();
      index
          .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .append("<title>trialstats example reports</title><style>body{font-family:Helvetica,")
          .append("Arial,sans-serif;max-width:760px;margin:24px auto}</style></head><body>\n")
          .append("<h1>trialstats example reports</h1>\n<ul>\n");
      for (String[] ex : EXAMPLES) {
        ReportBuilder.Built b = write(Path.of(ex[0]), root.resolve(ex[1]), cmd);
        index
            .append("<li><a href=\"")
            .append(ex[1])
            .append("/report.html\">")
            .append(Cells.html(b.model().title()))
            .append("</a></li>\n");
      }
      Path claims = Path.of(PUBLISHED_CLAIMS);
      if (Files.exists(claims)) {
        List<VerifyResult> checked = VerifyReport.verify(claims);
        String title = "Published response rates: which interval method reproduces them";
        AtomicFiles.replaceDirectory(
            root.resolve("published"),
            tmp -> {
              Files.writeString(
                  tmp.resolve("verify.html"),
                  VerifyReport.htmlPage(checked, title),
                  StandardCharsets.UTF_8);
              try (Writer w =
                  Files.newBufferedWriter(tmp.resolve("verify.csv"), StandardCharsets.UTF_8)) {
                VerifyReport.csv(w, checked);
              }
            });
        index
            .append("<li><a href=\"published/verify.html\">")
            .append(Cells.html(title))
            .append("</a> (")
            .append(checked.size())
            .append(" claims from ")
            .append(Cells.html(PUBLISHED_CLAIMS))
            .append(")</li>\n");
        var o = spec.commandLine().getOut();
        o.printf(
            "report: %s -> %s (%d claims)%n",
            PUBLISHED_CLAIMS, root.resolve("published").resolve("verify.html"), checked.size());
        o.flush();
      }
      index.append("</ul>\n</body></html>\n");
      AtomicFiles.writeText(root.resolve("index.html"), w -> w.write(index.toString()));
      return;
    }
    Path o = out;
    if (o == null) {
      String name = specFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      o = Path.of("reports", name);
    }
    write(specFile, o, cmd);
  }

  private ReportBuilder.Built write(Path specPath, Path dir, String cmd) {
    ReportSpec rs = ReportSpec.read(specPath);
    String specText;
    try {
      specText = Files.readString(specPath, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(specPath + ": cannot read: " + e.getMessage(), e);
    }
    ReportModel.Provenance base =
        new ReportModel.Provenance(
            List.of(),
            specPath.toString(),
            Fmt.sha256(specText),
            specText,
            cmd,
            VersionProvider.version(),
            System.getProperty("java.version"),
            timestamp());
    ReportBuilder.Built built = ReportBuilder.build(rs, base);
    AtomicFiles.replaceDirectory(dir, tmp -> writeAll(tmp, built, specText));
    var o = spec.commandLine().getOut();
    o.printf(
        "report: %s -> %s (%d result rows)%n",
        specPath, dir.resolve("report.html"), built.model().rows().size());
    o.flush();
    return built;
  }

  /** Writes every file of the report into {@code dir} (a fresh temporary folder). */
  static void writeAll(Path dir, ReportBuilder.Built built, String specText) throws IOException {
    try (Writer w = Files.newBufferedWriter(dir.resolve("report.html"), StandardCharsets.UTF_8)) {
      HtmlReport.write(w, built.model());
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("results.csv"), StandardCharsets.UTF_8)) {
      TidyWriter.csv(w, built.model().rows());
    }
    for (Map.Entry<String, List<String[]>> e : built.derived().entrySet()) {
      try (Writer w = Files.newBufferedWriter(dir.resolve(e.getKey()), StandardCharsets.UTF_8)) {
        for (String[] r : e.getValue()) {
          List<String> c = new ArrayList<>();
          for (String s : r) {
            c.add(Cells.csvField(Cells.safeText(s)));
          }
          w.write(String.join(",", c));
          w.write('\n');
        }
      }
    }
    Files.writeString(dir.resolve("spec.yaml"), specText, StandardCharsets.UTF_8);
  }

  /** UTC time of the run; SOURCE_DATE_EPOCH (seconds) fixes it for reproducible output. */
  static String timestamp() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    Instant t = Instant.now();
    if (epoch != null && epoch.matches("\\d+")) {
      t = Instant.ofEpochSecond(Long.parseLong(epoch));
    }
    return DateTimeFormatter.ISO_INSTANT.format(t.atOffset(ZoneOffset.UTC).withNano(0).toInstant());
  }
}
