package org.trialstats.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.trialstats.io.CsvReader;
import org.trialstats.io.DataTable;

/**
 * Test helper shared by the CLI tests: runs {@link Main#run} in-process, captures exit code, stdout
 * and stderr, and parses CSV output.
 */
final class CliRun {
  private CliRun() {}

  /** Exit code and captured output of one in-process CLI run. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
    return new Result(code, o.toString(), e.toString());
  }

  /**
   * Runs and appends stdout and stderr to {@code out} and {@code err}, for tests that assert on the
   * output of several runs together; returns the exit code.
   */
  static int runInto(StringBuilder out, StringBuilder err, String... args) {
    Result r = run(args);
    out.append(r.out());
    err.append(r.err());
    return r.code();
  }

  /** Parses CSV text (usually {@code run(...).out()}) into a table. */
  static DataTable csv(String text) {
    try {
      return CsvReader.read(new StringReader(text), "output", null);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** {@code a} followed by {@code b}: a base command line plus extra options. */
  static String[] concat(String[] a, String... b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
