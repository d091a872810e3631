package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/** Runs the CLI in-process and parses tidy CSV output (test helper). */
final class PreclinicalCli {
  private PreclinicalCli() {}

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
    return new Run(code, o.toString(), e.toString());
  }

  static DataTable csv(String text) {
    try {
      return CsvReader.read(new StringReader(text), "output", null);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Row index by group|term|time|method; duplicate keys fail. */
  static Map<String, Integer> index(DataTable t) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < t.rowCount(); i++) {
      String k = key(t, i);
      if (m.put(k, i) != null) {
        throw new AssertionError("duplicate output row " + k);
      }
    }
    return m;
  }

  static String key(DataTable t, int i) {
    return t.cell(i, "group")
        + "|"
        + t.cell(i, "term")
        + "|"
        + t.cell(i, "time")
        + "|"
        + t.cell(i, "method");
  }
}
