package org.trialstats.survival;

import java.util.List;

/**
 * Survival data aggregated per stratum x group x distinct time: the numbers of events, censorings
 * and subjects at risk. Kaplan–Meier, the log-rank family (stratified or not) and a treatment-only
 * Cox model need nothing else, so the table may come from {@link SurvivalData#counts(boolean)} or
 * from an external engine (e.g. a SQL {@code GROUP BY stratum, arm, time}).
 *
 * <p>Rows are grouped in blocks, one per stratum, each block in ascending time. Within a row the
 * counts of group {@code g} sit at index {@code row * groups + g}. "At risk" at time t counts the
 * subjects of that stratum and group with time {@code >= t} (those censored at t are at risk at t,
 * as in R and SAS).
 */
public final class CountTable {
  private final int groups;
  private final int strata;
  private final List<String> strataLevels;
  private final List<String> groupLevels;
  private final int[] blockStart;
  private final double[] time;
  private final int[] events;
  private final int[] censored;
  private final int[] atRisk;

  /**
   * @param blockStart row offsets of each stratum block, length strata + 1
   * @param time distinct times (ascending within each block)
   * @param events events per row x group ({@code row * groups + g})
   * @param censored censorings per row x group
   * @param atRisk numbers at risk per row x group
   */
  public CountTable(
      int groups,
      int strata,
      List<String> strataLevels,
      List<String> groupLevels,
      int[] blockStart,
      double[] time,
      int[] events,
      int[] censored,
      int[] atRisk) {
    int rows = time.length;
    if (blockStart.length != strata + 1
        || blockStart[0] != 0
        || blockStart[strata] != rows
        || events.length != rows * groups
        || censored.length != rows * groups
        || atRisk.length != rows * groups
        || strataLevels.size() != strata
        || groupLevels.size() != groups) {
      throw new IllegalArgumentException("inconsistent count table dimensions");
    }
    for (int s = 0; s < strata; s++) {
      for (int i = blockStart[s] + 1; i < blockStart[s + 1]; i++) {
        if (!(time[i] > time[i - 1])) {
          throw new IllegalArgumentException("times must increase within a stratum");
        }
      }
    }
    this.groups = groups;
    this.strata = strata;
    this.strataLevels = List.copyOf(strataLevels);
    this.groupLevels = List.copyOf(groupLevels);
    this.blockStart = blockStart.clone();
    this.time = time.clone();
    this.events = events.clone();
    this.censored = censored.clone();
    this.atRisk = atRisk.clone();
  }

  public int groups() {
    return groups;
  }

  public int strata() {
    return strata;
  }

  public List<String> groupLevels() {
    return groupLevels;
  }

  public List<String> strataLevels() {
    return strataLevels;
  }

  /** Total number of rows (distinct times summed over strata). */
  public int rows() {
    return time.length;
  }

  /** First row of stratum {@code s}. */
  public int start(int s) {
    return blockStart[s];
  }

  /** One past the last row of stratum {@code s}. */
  public int end(int s) {
    return blockStart[s + 1];
  }

  public double time(int row) {
    return time[row];
  }

  public int events(int row, int g) {
    return events[row * groups + g];
  }

  public int censored(int row, int g) {
    return censored[row * groups + g];
  }

  public int atRisk(int row, int g) {
    return atRisk[row * groups + g];
  }

  /** Events at this row summed over groups. */
  public int events(int row) {
    int d = 0;
    for (int g = 0; g < groups; g++) {
      d += events[row * groups + g];
    }
    return d;
  }

  /** Numbers at risk at this row summed over groups. */
  public int atRisk(int row) {
    int n = 0;
    for (int g = 0; g < groups; g++) {
      n += atRisk[row * groups + g];
    }
    return n;
  }

  /** Censorings at this row summed over groups. */
  public int censored(int row) {
    int c = 0;
    for (int g = 0; g < groups; g++) {
      c += censored[row * groups + g];
    }
    return c;
  }

  /**
   * The table restricted to the given groups (in that order), e.g. a pairwise comparison {@code
   * select(0, h)}; totals are recomputed over the kept groups.
   */
  public CountTable select(int... keep) {
    int k = keep.length;
    int rows = time.length;
    int[] d = new int[rows * k];
    int[] c = new int[rows * k];
    int[] r = new int[rows * k];
    List<String> names = new java.util.ArrayList<>();
    for (int j = 0; j < k; j++) {
      names.add(groupLevels.get(keep[j]));
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < k; j++) {
        d[i * k + j] = events[i * groups + keep[j]];
        c[i * k + j] = censored[i * groups + keep[j]];
        r[i * k + j] = atRisk[i * groups + keep[j]];
      }
    }
    return new CountTable(k, strata, strataLevels, names, blockStart, time, d, c, r);
  }
}
