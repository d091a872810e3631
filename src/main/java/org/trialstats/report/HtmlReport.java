package org.trialstats.report;

import static org.trialstats.report.Cells.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.trialstats.report.ReportModel.Block;
import org.trialstats.report.ReportModel.Figure;
import org.trialstats.report.ReportModel.InputFile;
import org.trialstats.report.ReportModel.Paragraph;
import org.trialstats.report.ReportModel.Pending;
import org.trialstats.report.ReportModel.Section;
import org.trialstats.report.ReportModel.Table;

/**
 * Renders a {@link ReportModel} as one self-contained HTML file: inline CSS and SVG, no scripts, no
 * fonts or images from the network, print-friendly. All data text is escaped with {@link
 * Cells#html}.
 */
public final class HtmlReport {
  private HtmlReport() {}

  static final String CSS =
      """
      :root{--ink:#1a1a1a;--muted:#5a5a5a;--rule:#c8c8c8;--band:#f3f5f8;--accent:#1f4e79}
      *{box-sizing:border-box}
      body{font-family:"Helvetica Neue",Arial,"Liberation Sans",sans-serif;color:var(--ink);
        max-width:1000px;margin:0 auto;padding:24px 28px 48px;line-height:1.4;font-size:14px}
      h1{font-size:24px;margin:0 0 4px;color:var(--accent)}
      h2{font-size:18px;margin:32px 0 8px;border-bottom:2px solid var(--accent);padding-bottom:3px}
      h3{font-size:15px;margin:20px 0 6px}
      .subtitle{color:var(--muted);margin:0 0 12px}
      .synthetic{background:#fff4ce;border:1px solid #e0c46c;padding:6px 10px;margin:10px 0;
        font-weight:bold}
      nav{font-size:13px;color:var(--muted);margin:8px 0 0}
      nav a{color:var(--accent);margin-right:12px;text-decoration:none}
      table{border-collapse:collapse;margin:6px 0 14px;font-size:13px}
      caption{text-align:left;font-weight:bold;padding:4px 0;caption-side:top;white-space:nowrap}
      th,td{padding:3px 10px;border-bottom:1px solid var(--rule);vertical-align:top}
      th{text-align:left;background:var(--band);border-bottom:2px solid var(--rule)}
      td.num,th.num,td.count{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      figure{margin:10px 0 18px;page-break-inside:avoid;break-inside:avoid}
      figure svg{max-width:100%;height:auto;display:block}
      figcaption{font-size:12px;color:var(--muted);margin-top:4px}
      .pending{border:1px dashed #b0b0b0;color:var(--muted);padding:8px 10px;margin:8px 0}
      .summary li{margin:2px 0}
      pre{background:var(--band);padding:8px;font-size:12px;overflow-x:auto;white-space:pre-wrap}
      .prov td{font-size:12px}
      .mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11px;word-break:break-all}
      section{break-inside:auto}
      @media print{body{max-width:none;padding:0;font-size:11pt}
        h2{break-after:avoid}table,figure{break-inside:avoid}nav{display:none}}
      """;

  /** Writes the whole page. */
  public static void write(Writer w, ReportModel m) throws IOException {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<meta name=\"generator\" content=\"trialstats ")
        .append(html(m.provenance().toolVersion()))
        .append("\">\n");
    b.append("<title>").append(html(m.title())).append("</title>\n");
    b.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<header>\n<h1>").append(html(m.title())).append("</h1>\n");
    if (m.subtitle() != null) {
      b.append("<p class=\"subtitle\">").append(html(m.subtitle())).append("</p>\n");
    }
    if (m.synthetic()) {
      b.append(
          "<p class=\"synthetic\">SYNTHETIC DATA: made by a seeded simulator (see the input"
              + " files' README); not from any patient or animal.</p>\n");
    }
    if (!m.summaryLines().isEmpty()) {
      b.append("<ul class=\"summary\">\n");
      for (String s : m.summaryLines()) {
        b.append("<li>").append(html(s)).append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("<nav>");
    for (Section s : m.sections()) {
      b.append("<a href=\"#").append(html(s.id())).append("\">").append(html(s.title()));
      b.append("</a>");
    }
    b.append("<a href=\"#provenance\">Provenance</a>");
    b.append("</nav>\n</header>\n");
    for (Section s : m.sections()) {
      b.append("<section id=\"").append(html(s.id())).append("\">\n<h2>");
      b.append(html(s.title())).append("</h2>\n");
      for (Block k : s.blocks()) {
        block(b, k);
      }
      b.append("</section>\n");
    }
    provenance(b, m.provenance());
    b.append("</body>\n</html>\n");
    w.write(b.toString());
  }

  static void block(StringBuilder b, Block k) {
    if (k instanceof Paragraph p) {
      b.append("<p>").append(html(p.text())).append("</p>\n");
    } else if (k instanceof Table t) {
      table(b, t);
    } else if (k instanceof Figure f) {
      b.append("<figure class=\"").append(html(f.cssClass())).append("\">\n");
      b.append(f.svg()).append('\n');
      if (f.caption() != null) {
        b.append("<figcaption>").append(html(f.caption())).append("</figcaption>\n");
      }
      b.append("</figure>\n");
    } else if (k instanceof Pending p) {
      b.append("<p class=\"pending\">Not yet available in this build: ")
          .append(html(p.what()))
          .append("</p>\n");
    }
  }

  static void table(StringBuilder b, Table t) {
    b.append("<table>\n");
    if (t.caption() != null) {
      b.append("<caption>").append(html(t.caption())).append("</caption>\n");
    }
    b.append("<thead><tr>");
    for (int c = 0; c < t.header().size(); c++) {
      b.append(num(t, c) ? "<th class=\"num\">" : "<th>")
          .append(html(t.header().get(c)))
          .append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : t.cells()) {
      b.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        b.append(num(t, c) ? "<td class=\"num\">" : "<td>").append(html(row.get(c)));
        b.append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static boolean num(Table t, int c) {
    return t.numeric() != null && c < t.numeric().length && t.numeric()[c];
  }

  static void provenance(StringBuilder b, ReportModel.Provenance p) {
    b.append("<section id=\"provenance\">\n<h2>Provenance</h2>\n<table class=\"prov\">\n");
    b.append("<thead><tr><th>Input</th><th>File</th><th class=\"num\">Rows</th>");
    b.append("<th>SHA-256</th></tr></thead>\n<tbody>\n");
    for (InputFile f : p.inputs()) {
      b.append("<tr><td>").append(html(f.role())).append("</td><td>").append(html(f.path()));
      b.append("</td><td class=\"count\">").append(f.rows() < 0 ? "" : Integer.toString(f.rows()));
      b.append("</td><td class=\"mono\">").append(html(f.sha256())).append("</td></tr>\n");
    }
    b.append("<tr><td>spec</td><td>").append(html(p.specPath()));
    b.append("</td><td></td><td class=\"mono\">").append(html(p.specSha256()));
    b.append("</td></tr>\n</tbody>\n</table>\n");
    b.append("<table class=\"prov\"><tbody>\n");
    b.append("<tr><th>Command line</th><td class=\"mono\">").append(html(p.commandLine()));
    b.append("</td></tr>\n<tr><th>Tool</th><td>trialstats ").append(html(p.toolVersion()));
    b.append(" (Java ").append(html(p.javaVersion())).append(")</td></tr>\n");
    b.append("<tr><th>Generated</th><td>").append(html(p.timestamp())).append("</td></tr>\n");
    b.append("</tbody></table>\n");
    b.append("<h3>Spec</h3>\n<pre>").append(html(p.specText())).append("</pre>\n</section>\n");
  }
}
