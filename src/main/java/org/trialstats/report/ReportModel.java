package org.trialstats.report;

import java.util.List;

/**
 * What the HTML report shows, built by {@link ReportBuilder} from the statistics cores and rendered
 * by {@link HtmlReport}. Every number in a table comes from a {@link ResultRow} that is also
 * written to {@code results.csv}.
 */
public record ReportModel(
    String title,
    String subtitle,
    boolean synthetic,
    List<String> summaryLines,
    List<Section> sections,
    List<ResultRow> rows,
    Provenance provenance) {

  /** A titled section of blocks. */
  public record Section(String id, String title, List<Block> blocks) {}

  /** Something shown in a section. */
  public sealed interface Block permits Paragraph, Table, Figure, Pending {}

  /** A paragraph of (unescaped) text; the renderer escapes it. */
  public record Paragraph(String text) implements Block {}

  /**
   * A table of text cells (escaped by the renderer); {@code numeric[c]} right-aligns column c.
   * {@code caption} may be null.
   */
  public record Table(
      String caption, List<String> header, List<List<String>> cells, boolean[] numeric)
      implements Block {}

  /** An SVG figure produced by one of our writers (already escaped), with a caption. */
  public record Figure(String svg, String caption, String cssClass) implements Block {}

  /** A section whose statistics are not available in this build. */
  public record Pending(String what) implements Block {}

  /** One input file with its digest. */
  public record InputFile(String role, String path, String sha256, int rows) {}

  /** Where the numbers came from; the timestamp is kept in this one place. */
  public record Provenance(
      List<InputFile> inputs,
      String specPath,
      String specSha256,
      String specText,
      String commandLine,
      String toolVersion,
      String javaVersion,
      String timestamp) {}
}
