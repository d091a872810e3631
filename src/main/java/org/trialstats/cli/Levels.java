package org.trialstats.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Level order shared by every command that compares groups: the default reference arm is the first
 * level in this order unless {@code --ref} names another. The order is that of R's {@code
 * factor()}: numerically when every level is a number, else alphabetically (by code point, as R in
 * the C locale).
 */
final class Levels {
  private Levels() {}

  /** Levels sorted as R's factor(): numerically when all are numbers, else alphabetically. */
  static List<String> sorted(List<String> levels) {
    List<String> out = new ArrayList<>(levels);
    boolean numeric = true;
    for (String l : out) {
      try {
        Double.parseDouble(l);
      } catch (NumberFormatException e) {
        numeric = false;
        break;
      }
    }
    if (numeric) {
      out.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
    } else {
      out.sort(String::compareTo);
    }
    return List.copyOf(out);
  }
}
