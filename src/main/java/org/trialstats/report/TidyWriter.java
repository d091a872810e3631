package org.trialstats.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that renders {@link ResultRow}s in each output format of the contract. Commands
 * hand their rows here; they never format CSV or JSON themselves.
 */
public final class TidyWriter {
  private TidyWriter() {}

  /** Writes {@code rows} as {@code format}; {@code heading} lines (text format only) come first. */
  public static void write(
      Writer out, OutputFormat format, List<ResultRow> rows, List<String> heading) {
    try {
      switch (format) {
        case CSV -> csv(out, rows);
        case JSON -> json(out, rows);
        case TEXT -> text(out, rows, heading);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tidy CSV: contract header, one row per statistic, text cells made formula-safe. */
  public static void csv(Writer out, List<ResultRow> rows) throws IOException {
    out.write(String.join(",", ResultRow.COLUMNS));
    out.write('\n');
    for (ResultRow r : rows) {
      Object[] v = r.values();
      for (int i = 0; i < v.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        String cell = v[i] instanceof String s ? Cells.safeText(s) : Cells.plain(v[i]);
        out.write(Cells.csvField(cell));
      }
      out.write('\n');
    }
  }

  /** JSON array of objects with the contract's keys; numbers as numbers, empty as null. */
  public static void json(Writer out, List<ResultRow> rows) throws IOException {
    out.write("[");
    for (int k = 0; k < rows.size(); k++) {
      out.write(k == 0 ? "\n  {" : ",\n  {");
      Object[] v = rows.get(k).values();
      for (int i = 0; i < v.length; i++) {
        if (i > 0) {
          out.write(", ");
        }
        out.write(Cells.jsonString(ResultRow.COLUMNS[i]));
        out.write(": ");
        Object o = v[i];
        if (o == null || (o instanceof Double d && (d.isNaN() || d.isInfinite()))) {
          out.write("null");
        } else if (o instanceof Number) {
          out.write(Cells.plain(o));
        } else {
          out.write(Cells.jsonString(o.toString()));
        }
      }
      out.write("}");
    }
    out.write(rows.isEmpty() ? "]\n" : "\n]\n");
  }

  /**
   * Readable text: the heading lines, then an aligned table of the columns that hold anything,
   * numbers rounded to 4 significant digits (the CSV and JSON formats keep full precision).
   */
  public static void text(Writer out, List<ResultRow> rows, List<String> heading)
      throws IOException {
    for (String h : heading) {
      out.write(h);
      out.write('\n');
    }
    if (rows.isEmpty()) {
      return;
    }
    if (!heading.isEmpty()) {
      out.write('\n');
    }
    int ncol = ResultRow.COLUMNS.length;
    boolean[] used = new boolean[ncol];
    List<String[]> cells = new ArrayList<>();
    for (ResultRow r : rows) {
      Object[] v = r.values();
      String[] s = new String[ncol];
      for (int i = 0; i < ncol; i++) {
        s[i] = v[i] instanceof Double d ? Cells.readable(d, 4) : Cells.plain(v[i]);
        used[i] |= !s[i].isEmpty();
      }
      cells.add(s);
    }
    int[] width = new int[ncol];
    for (int i = 0; i < ncol; i++) {
      width[i] = ResultRow.COLUMNS[i].length();
      for (String[] s : cells) {
        width[i] = Math.max(width[i], s[i].length());
      }
    }
    StringBuilder line = new StringBuilder();
    appendLine(line, ResultRow.COLUMNS, used, width);
    for (String[] s : cells) {
      appendLine(line, s, used, width);
    }
    out.write(line.toString());
  }

  private static void appendLine(StringBuilder b, String[] s, boolean[] used, int[] width) {
    boolean first = true;
    int start = b.length();
    for (int i = 0; i < s.length; i++) {
      if (!used[i]) {
        continue;
      }
      if (!first) {
        b.append("  ");
      }
      first = false;
      b.append(s[i]);
      b.append(" ".repeat(width[i] - s[i].length()));
    }
    while (b.length() > start && b.charAt(b.length() - 1) == ' ') {
      b.setLength(b.length() - 1);
    }
    b.append('\n');
  }
}
