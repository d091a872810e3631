package org.trialstats.io;

/**
 * A mistake in the user's input (file, option value, spec): reported as one clear message and exit
 * code 2, never as a stack trace. The message names the file, row and column where relevant, what
 * was expected and what was found.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A bad cell: {@code file: row R (line L), column C: expected E, found 'F'}. {@code row} is the
   * 1-based data row (the header is line 1, so the first data row is usually line 2).
   */
  public static InputException cell(
      String file, int row, int line, String column, String expected, String found) {
    return new InputException(
        String.format(
            "%s: row %d (line %d), column %s: expected %s, found %s",
            file,
            row,
            line,
            column,
            expected,
            found == null || found.isEmpty() ? "an empty cell" : "'" + found + "'"));
  }
}
