package org.trialstats.survival;

import java.util.List;

/**
 * Right-censored survival data, sorted once by time: primitive arrays only (no per-subject
 * objects), so one million subjects cost a few tens of megabytes. Shared by Kaplan–Meier, the
 * log-rank family, Cox and RMST.
 *
 * <p>Subjects are stored in ascending time order (stable: ties keep input order, which no statistic
 * depends on). {@code group} and {@code stratum} are 0-based indices into {@link #groupLevels()}
 * and {@link #strataLevels()}; without {@code --by} or {@code --strata} there is one level ("ALL").
 *
 * <p><b>Times that differ only by floating-point noise</b> are merged as R {@code survival} does
 * with {@code timefix = TRUE} (the default of {@code survfit}, {@code survdiff}, {@code coxph}; R
 * function {@code aeqSurv}): the distinct times are sorted, and a time whose gap to the previous
 * distinct time is {@code <= tol} or whose relative gap {@code gap / mean(|distinct times|)} is
 * {@code <= tol} is replaced by the start of its run, with {@code tol = sqrt(2.220446e-16)} ≈
 * 1.49e-8 ({@link #R_TIMEFIX_TOLERANCE}). Runs chain (each gap is compared with its neighbour), as
 * in R. A tolerance of 0 turns this off (R {@code timefix = FALSE}). {@link #timesMerged()} says
 * how many subjects had their time moved.
 *
 * <p>Per-time aggregation: {@link #counts(boolean)} builds the {@link CountTable} (events,
 * censorings and numbers at risk per stratum x group x distinct time) on which Kaplan–Meier, the
 * log-rank family and a treatment-only Cox model are all computed. Because only that table is
 * needed, it could equally come from a database {@code GROUP BY}.
 */
public final class SurvivalData {
  /** R's {@code sqrt(.Machine$double.eps)}: the default {@code aeqSurv} tolerance. */
  public static final double R_TIMEFIX_TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private final double[] time;
  private final boolean[] event;
  private final int[] group;
  private final int[] stratum;
  private final int[] row;
  private final List<String> groupLevels;
  private final List<String> strataLevels;
  private final int timesMerged;
  private final int events;
  private final int[] groupSizes;
  private final int[] groupEvents;
  private final int[] strataSizes;

  private SurvivalData(
      double[] time,
      boolean[] event,
      int[] group,
      int[] stratum,
      int[] row,
      List<String> groupLevels,
      List<String> strataLevels,
      int timesMerged) {
    this.time = time;
    this.event = event;
    this.group = group;
    this.stratum = stratum;
    this.row = row;
    this.groupLevels = groupLevels;
    this.strataLevels = strataLevels;
    this.timesMerged = timesMerged;
    // per-group and per-stratum tallies, once (commands ask for them repeatedly)
    int d = 0;
    int[] gs = new int[groupLevels.size()];
    int[] ge = new int[groupLevels.size()];
    int[] ss = new int[strataLevels.size()];
    for (int k = 0; k < event.length; k++) {
      gs[group[k]]++;
      ss[stratum[k]]++;
      if (event[k]) {
        d++;
        ge[group[k]]++;
      }
    }
    this.events = d;
    this.groupSizes = gs;
    this.groupEvents = ge;
    this.strataSizes = ss;
  }

  /** Ungrouped, unstratified data with R's default timefix. */
  public static SurvivalData of(double[] time, boolean[] event) {
    return of(time, event, null, List.of("ALL"), null, List.of("ALL"), R_TIMEFIX_TOLERANCE);
  }

  /** Grouped, unstratified data with R's default timefix. */
  public static SurvivalData of(
      double[] time, boolean[] event, int[] group, List<String> groupLevels) {
    return of(time, event, group, groupLevels, null, List.of("ALL"), R_TIMEFIX_TOLERANCE);
  }

  /**
   * Sorts and checks the data.
   *
   * @param time non-negative finite times (unsorted)
   * @param event true = event, false = censored
   * @param group 0-based group index per subject, or null for one group
   * @param groupLevels names of the groups (at least one)
   * @param stratum 0-based stratum index per subject, or null for one stratum
   * @param strataLevels names of the strata (at least one)
   * @param tolerance timefix tolerance ({@link #R_TIMEFIX_TOLERANCE} as R; 0 = off)
   * @throws IllegalArgumentException on lengths that differ, negative/NaN times, bad indices
   */
  public static SurvivalData of(
      double[] time,
      boolean[] event,
      int[] group,
      List<String> groupLevels,
      int[] stratum,
      List<String> strataLevels,
      double tolerance) {
    int n = time.length;
    if (event.length != n
        || (group != null && group.length != n)
        || (stratum != null && stratum.length != n)) {
      throw new IllegalArgumentException("arrays of different lengths");
    }
    if (groupLevels.isEmpty() || strataLevels.isEmpty()) {
      throw new IllegalArgumentException("at least one group and one stratum level");
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0");
    }
    for (int i = 0; i < n; i++) {
      if (!(time[i] >= 0) || Double.isInfinite(time[i])) {
        throw new IllegalArgumentException("time " + time[i] + " at row " + i);
      }
      if (group != null && (group[i] < 0 || group[i] >= groupLevels.size())) {
        throw new IllegalArgumentException("group index " + group[i] + " at row " + i);
      }
      if (stratum != null && (stratum[i] < 0 || stratum[i] >= strataLevels.size())) {
        throw new IllegalArgumentException("stratum index " + stratum[i] + " at row " + i);
      }
    }
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    int[] g = new int[n];
    int[] s = new int[n];
    int[] order;
    Sorting.DenseRanks ranks = n >= Sorting.RADIX_MIN ? Sorting.denseRanks(time) : null;
    if (ranks != null) {
      // few distinct times: a stable counting sort that moves every field in the same pass
      order = new int[n];
      int[] start = ranks.starts();
      int[] rank = ranks.rank();
      for (int i = 0; i < n; i++) {
        int k = start[rank[i]]++;
        order[k] = i;
        t[k] = time[i];
        e[k] = event[i];
        g[k] = group == null ? 0 : group[i];
        s[k] = stratum == null ? 0 : stratum[i];
      }
    } else {
      order = Sorting.orderBy(time);
      for (int k = 0; k < n; k++) {
        int i = order[k];
        t[k] = time[i];
        e[k] = event[i];
        g[k] = group == null ? 0 : group[i];
        s[k] = stratum == null ? 0 : stratum[i];
      }
    }
    int merged = timefix(t, tolerance);
    return new SurvivalData(
        t, e, g, s, order, List.copyOf(groupLevels), List.copyOf(strataLevels), merged);
  }

  /**
   * R {@code aeqSurv} on sorted times, in place; returns the number of subjects whose time moved.
   */
  static int timefix(double[] t, double tol) {
    int n = t.length;
    if (tol <= 0 || n < 2) {
      return 0;
    }
    // mean(|y|) over the distinct values y
    double sum = 0;
    int distinct = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 || t[k] != t[k - 1]) {
        sum += Math.abs(t[k]);
        distinct++;
      }
    }
    double meanAbs = sum / distinct;
    int moved = 0;
    double prevDistinct = t[0];
    double cut = t[0];
    for (int k = 1; k < n; k++) {
      double v = t[k];
      if (v != prevDistinct) {
        double dy = v - prevDistinct;
        boolean tied = dy <= tol || dy / meanAbs <= tol;
        prevDistinct = v;
        if (!tied) {
          cut = v;
        }
      }
      if (v != cut) {
        t[k] = cut;
        moved++;
      }
    }
    return moved;
  }

  /** Number of subjects. */
  public int size() {
    return time.length;
  }

  /** Time of the {@code k}-th subject in sorted order. */
  public double time(int k) {
    return time[k];
  }

  public boolean event(int k) {
    return event[k];
  }

  public int group(int k) {
    return group[k];
  }

  public int stratum(int k) {
    return stratum[k];
  }

  /** The input row (0-based) of the {@code k}-th subject in sorted order. */
  public int inputRow(int k) {
    return row[k];
  }

  /** Copies of the sorted arrays (for cores that want raw arrays). */
  public double[] times() {
    return time.clone();
  }

  public boolean[] events() {
    return event.clone();
  }

  public int[] groups() {
    return group.clone();
  }

  public int[] strata() {
    return stratum.clone();
  }

  public List<String> groupLevels() {
    return groupLevels;
  }

  public List<String> strataLevels() {
    return strataLevels;
  }

  public int groupCount() {
    return groupLevels.size();
  }

  public int strataCount() {
    return strataLevels.size();
  }

  /** Subjects whose time was moved by the timefix (0 when none or when it was off). */
  public int timesMerged() {
    return timesMerged;
  }

  /** Number of events overall. */
  public int eventCount() {
    return events;
  }

  /** Subjects per group. */
  public int[] groupSizes() {
    return groupSizes.clone();
  }

  /** Events per group. */
  public int[] groupEvents() {
    return groupEvents.clone();
  }

  /** Subjects per stratum. */
  public int[] strataSizes() {
    return strataSizes.clone();
  }

  /**
   * The subset of subjects in one group, as single-group data (level kept as its name). Used for
   * per-group Kaplan–Meier on the raw arrays.
   */
  public SurvivalData onlyGroup(int g) {
    int m = 0;
    for (int x : group) {
      if (x == g) {
        m++;
      }
    }
    double[] t = new double[m];
    boolean[] e = new boolean[m];
    int[] s = new int[m];
    int[] r = new int[m];
    int[] z = new int[m];
    m = 0;
    for (int k = 0; k < time.length; k++) {
      if (group[k] == g) {
        t[m] = time[k];
        e[m] = event[k];
        s[m] = stratum[k];
        r[m] = row[k];
        m++;
      }
    }
    return new SurvivalData(t, e, z, s, r, List.of(groupLevels.get(g)), strataLevels, timesMerged);
  }

  /**
   * Aggregates to the per-distinct-time table, in one pass over the sorted data (plus an O(n)
   * counting sort by stratum when {@code byStratum}).
   *
   * @param byStratum true: one block of rows per stratum; false: strata pooled into one block
   */
  public CountTable counts(boolean byStratum) {
    int n = time.length;
    int ns = byStratum ? strataLevels.size() : 1;
    int ng = groupLevels.size();
    // stable counting sort of the (time-sorted) positions by stratum
    int[] pos;
    int[] sizes = new int[ns];
    if (ns == 1) {
      pos = null;
      sizes[0] = n;
    } else {
      for (int s : stratum) {
        sizes[s]++;
      }
      int[] start = new int[ns];
      for (int s = 1; s < ns; s++) {
        start[s] = start[s - 1] + sizes[s - 1];
      }
      pos = new int[n];
      for (int k = 0; k < n; k++) {
        pos[start[stratum[k]]++] = k;
      }
    }
    // count distinct times per stratum block
    int[] blockStart = new int[ns + 1];
    int rows = 0;
    int k0 = 0;
    for (int s = 0; s < ns; s++) {
      blockStart[s] = rows;
      double prev = Double.NaN;
      for (int j = 0; j < sizes[s]; j++) {
        double t = time[pos == null ? k0 + j : pos[k0 + j]];
        if (t != prev) {
          rows++;
          prev = t;
        }
      }
      k0 += sizes[s];
    }
    blockStart[ns] = rows;
    double[] ut = new double[rows];
    int[] d = new int[rows * ng];
    int[] c = new int[rows * ng];
    int[] r = new int[rows * ng];
    int row = -1;
    k0 = 0;
    int[] remaining = new int[ng];
    for (int s = 0; s < ns; s++) {
      java.util.Arrays.fill(remaining, 0);
      for (int j = 0; j < sizes[s]; j++) {
        remaining[group[pos == null ? k0 + j : pos[k0 + j]]]++;
      }
      double prev = Double.NaN;
      for (int j = 0; j < sizes[s]; j++) {
        int k = pos == null ? k0 + j : pos[k0 + j];
        double t = time[k];
        if (t != prev) {
          row++;
          ut[row] = t;
          prev = t;
          for (int g = 0; g < ng; g++) {
            r[row * ng + g] = remaining[g];
          }
        }
        int g = group[k];
        if (event[k]) {
          d[row * ng + g]++;
        } else {
          c[row * ng + g]++;
        }
        remaining[g]--;
      }
      k0 += sizes[s];
    }
    return new CountTable(
        ng, ns, byStratum ? strataLevels : List.of("ALL"), groupLevels, blockStart, ut, d, c, r);
  }
}
