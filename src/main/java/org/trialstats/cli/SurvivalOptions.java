package org.trialstats.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstats.io.Columns;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.survival.Convention;
import org.trialstats.survival.SurvivalData;
import org.trialstats.survival.TimeUnit;
import picocli.CommandLine.Option;

/**
 * Survival input options shared by {@code km}, {@code cox} and {@code rmst}: which columns hold the
 * time, the event/censoring, the groups and the strata; the units; the R/SAS convention. {@link
 * #load} turns a {@link DataOptions} dataset into checked {@link SurvivalData}.
 *
 * <p>Documented behaviours (tested in {@code SurvivalOptionsTest}):
 *
 * <ul>
 *   <li>missing, non-numeric or negative time; missing, non-integer or negative censor code; an
 *       event code other than 0/1: input error naming file, row, line and column;
 *   <li>{@code --censor} and {@code --event} together: input error;
 *   <li>{@code --by} with one level: input error listing the level; {@code --ref} not a level:
 *       input error listing the levels;
 *   <li>a stratum with a single subject is kept: it has no comparison information (its log-rank
 *       variance is 0) and contributes nothing to stratified tests; a note says so;
 *   <li>no events at all (or in a group): not an error; estimates that need events are empty with a
 *       note;
 *   <li>times that differ by floating-point noise are merged as R's {@code timefix} ({@link
 *       SurvivalData}); a note gives the number of times moved.
 * </ul>
 *
 * <p>Group levels are ordered with the reference first ({@code --ref}, else the first level in
 * sorted order: numeric when every level is a number, else alphabetical, as R's {@code factor}).
 * Strata levels are sorted the same way; several strata columns combine as {@code a/b}.
 */
public final class SurvivalOptions {
  @Option(
      names = "--time",
      paramLabel = "COL",
      defaultValue = "AVAL",
      description = "Time column (default: ${DEFAULT-VALUE}).")
  public String time;

  @Option(
      names = "--censor",
      paramLabel = "COL",
      description =
          "Censor column: 0 = event, a positive integer = censored (ADaM CNSR; the default is CNSR"
              + " unless --event is given).")
  public String censor;

  @Option(
      names = "--event",
      paramLabel = "COL",
      description = "Event column: 1 = event, 0 = censored (instead of --censor).")
  public String event;

  @Option(
      names = "--by",
      paramLabel = "COL",
      description = "Group (arm) column; its levels are compared.")
  public String by;

  @Option(
      names = "--ref",
      paramLabel = "LEVEL",
      description = "Reference level of --by (default: the first level in sorted order).")
  public String ref;

  @Option(
      names = "--strata",
      paramLabel = "COL",
      split = ",",
      description = "Stratification column(s), comma separated.")
  public List<String> strata = new ArrayList<>();

  @Option(
      names = "--time-unit",
      paramLabel = "UNIT",
      defaultValue = "days",
      description =
          "Unit of the input times: days, weeks, months, years (default: ${DEFAULT-VALUE}).")
  public TimeUnit timeUnit;

  @Option(
      names = "--report-unit",
      paramLabel = "UNIT",
      description =
          "Unit of the reported times (default: the input unit); months = days / 30.4375,"
              + " years = days / 365.25.")
  public TimeUnit reportUnit;

  @Option(
      names = "--convention",
      paramLabel = "R|SAS",
      defaultValue = "r",
      description =
          "Defaults of R survival (r) or SAS PROC LIFETEST/PHREG (sas) (default: ${DEFAULT-VALUE}).")
  public Convention convention;

  /** The unit of the reported times. */
  public TimeUnit outputUnit() {
    return reportUnit == null ? timeUnit : reportUnit;
  }

  /** The censor/event column actually used. */
  public String statusColumn() {
    return event != null ? event : (censor != null ? censor : "CNSR");
  }

  /** The columns this mixin reads (add the command's own before loading). */
  public Set<String> columns() {
    Set<String> c = new LinkedHashSet<>();
    c.add(time);
    c.add(statusColumn());
    if (by != null) {
      c.add(by);
    }
    c.addAll(strata);
    return c;
  }

  /** Loads and checks the data; times are converted to the report unit. */
  public SurvivalInput load(DataOptions data) {
    return load(data, Set.of());
  }

  /**
   * Loads and checks the data, also keeping {@code extra} columns (e.g. Cox covariates) in {@link
   * SurvivalInput#table()}; times are converted to the report unit.
   */
  public SurvivalInput load(DataOptions data, Collection<String> extra) {
    if (censor != null && event != null) {
      throw new InputException(
          "--censor and --event are alternatives: give one (--censor COL: 0 = event; --event COL:"
              + " 1 = event)");
    }
    if (ref != null && by == null) {
      throw new InputException("--ref needs --by (the column whose level it names)");
    }
    Set<String> need = columns();
    need.addAll(extra);
    need.add("PARAMCD");
    // The id is read as hashes (no String per row on large files); a repeat found that way is
    // confirmed, and the subject named, on the ids read as text.
    // Times and censor codes are parsed straight to numbers (no String per cell on large files).
    Set<String> numeric = Set.of(time, statusColumn());
    DataTable t = data.load(need, Set.of(data.id), numeric);
    // On large files the one-row check (a hash pass over every id) runs in a second thread while
    // the columns are converted; its error, if any, is the one reported, as when run first.
    DataTable loaded = t;
    Beside<InputException> check =
        Beside.start(
            t.rowCount(),
            () -> {
              try {
                requireOneRowPerSubject(loaded, data.id);
                return null;
              } catch (InputException e) {
                return e;
              }
            });
    SurvivalInput in = null;
    InputException invalid = null;
    try {
      in = from(t);
    } catch (InputException e) {
      invalid = e;
    }
    InputException repeated = check.get();
    if (repeated != null) {
      if (!t.hasHashes(data.id)) {
        throw repeated;
      }
      // equal hashes: confirm (and name the subject) on the ids read as text
      Set<String> withId = new java.util.HashSet<>(need);
      withId.add(data.id);
      t = data.load(withId, Set.of(), numeric);
      requireOneRowPerSubject(t, data.id);
      return from(t);
    }
    if (invalid != null) {
      throw invalid;
    }
    return in;
  }

  /**
   * Time-to-event analyses take one row per subject. When the subject id column is present, a
   * repeated id (typically several PARAMCD of an ADTTE without --where) is an input error; files
   * without an id column (e.g. R's datasets) are taken as one row per subject.
   */
  static void requireOneRowPerSubject(DataTable t, String id) {
    if (t.has("PARAMCD")) {
      List<String> params = t.levels("PARAMCD");
      if (params.size() > 1) {
        throw new InputException(
            String.format(
                "%s: rows of %d endpoints (PARAMCD %s): a time-to-event analysis needs one row per"
                    + " subject; select one, e.g. --where PARAMCD=%s",
                t.source(), params.size(), String.join(", ", params), params.get(0)));
      }
    }
    String[] ids = t.has(id) ? t.column(id) : null;
    long[] hash;
    if (ids != null) {
      hash = new long[ids.length];
      for (int i = 0; i < ids.length; i++) {
        hash[i] = ids[i].isEmpty() ? DataTable.MISSING_HASH : textHash(ids[i]);
      }
    } else if (t.hasHashes(id)) {
      hash = t.hashes(id);
    } else {
      return;
    }
    // One pass through an open-addressing set of the hashes (no boxing, no sort); only a hash
    // seen twice needs a look at the rows themselves.
    int cap = Integer.highestOneBit(Math.max(2, hash.length)) << 2;
    long[] table = new long[cap]; // MISSING_HASH (0) marks an empty slot
    for (long h : hash) {
      if (h == DataTable.MISSING_HASH) {
        continue;
      }
      int i = (int) (h ^ (h >>> 31)) & (cap - 1);
      boolean repeated = false;
      while (table[i] != DataTable.MISSING_HASH) {
        if (table[i] == h) {
          repeated = true;
          break;
        }
        i = (i + 1) & (cap - 1);
      }
      if (!repeated) {
        table[i] = h;
        continue;
      }
      int[] pair = repeatedRows(hash, ids, h);
      if (pair != null) {
        String who = ids != null ? "subject " + ids[pair[1]] : "the same " + id;
        throw new InputException(
            String.format(
                "%s: %s appears on lines %d and %d: a time-to-event analysis needs one row per"
                    + " subject",
                t.source(), who, t.line(pair[0]), t.line(pair[1])));
      }
    }
  }

  /** 64-bit FNV-1a over the characters (distinct ids colliding is then very unlikely). */
  private static long textHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h == DataTable.MISSING_HASH ? 1 : h;
  }

  /**
   * The first two rows with hash {@code h} and (when the text is known) equal ids, or null when the
   * equal hashes belong to different ids.
   */
  private static int[] repeatedRows(long[] hash, String[] ids, long h) {
    Map<String, Integer> seen = new HashMap<>();
    int first = -1;
    for (int i = 0; i < hash.length; i++) {
      if (hash[i] != h) {
        continue;
      }
      if (ids == null) {
        if (first >= 0) {
          return new int[] {first, i};
        }
        first = i;
      } else {
        Integer prev = seen.putIfAbsent(ids[i], i);
        if (prev != null) {
          return new int[] {prev, i};
        }
      }
    }
    return null;
  }

  /** Builds the input from an already loaded table (used by tests and by {@link #load}). */
  public SurvivalInput from(DataTable t) {
    List<String> notes = new ArrayList<>();
    double f = timeUnit.factorTo(outputUnit());
    // times read as numbers are valid already; SurvivalData.of copies them, so unscaled ones are
    // passed as they are (no copy of a million values)
    double[] tm = f == 1 && t.hasNumbers(time) ? t.numbers(time) : Columns.times(t, time);
    if (f != 1) {
      for (int i = 0; i < tm.length; i++) {
        tm[i] *= f;
      }
    }
    boolean[] ev =
        event != null
            ? Columns.eventsFromEvent(t, event)
            : Columns.eventsFromCensor(t, statusColumn());
    if (event != null && Columns.isOneTwoCoded(t, event)) {
      notes.add(
          "--event "
              + event
              + " holds only 1 and 2: read as R's Surv() does, 1 = censored, 2 = event");
    }
    int[] g = null;
    List<String> gl = List.of("ALL");
    if (by != null) {
      String[] lab = Columns.groups(t, by, 2);
      gl = Levels.sorted(t.levels(by));
      if (ref != null) {
        if (!gl.contains(ref)) {
          throw new InputException(
              String.format(
                  "--ref %s: not a level of %s; the levels are: %s",
                  ref, by, String.join(", ", gl)));
        }
        List<String> r = new ArrayList<>(gl);
        r.remove(ref);
        r.add(0, ref);
        gl = List.copyOf(r);
      }
      g = index(lab, gl);
    }
    int[] s = null;
    List<String> sl = List.of("ALL");
    if (!strata.isEmpty()) {
      String[] lab;
      if (strata.size() == 1) {
        // one column: its labels and levels as they are (no per-row work at 1M rows)
        lab = Columns.labels(t, strata.get(0), "a stratum label");
        sl = Levels.sorted(t.levels(strata.get(0)));
      } else {
        lab = combinedStrata(t);
        sl = Levels.sorted(new ArrayList<>(new LinkedHashSet<>(List.of(lab))));
      }
      s = index(lab, sl);
    }
    SurvivalData d = SurvivalData.of(tm, ev, g, gl, s, sl, SurvivalData.R_TIMEFIX_TOLERANCE);
    if (d.timesMerged() > 0) {
      notes.add(
          d.timesMerged()
              + " time(s) within floating-point noise (relative 1.49e-8) of a smaller time were"
              + " merged with it, as R survival's timefix");
    }
    if (d.eventCount() == 0) {
      notes.add("all subjects are censored: no events");
    }
    if (s != null) {
      int[] sz = d.strataSizes();
      for (int k = 0; k < sz.length; k++) {
        if (sz[k] == 1) {
          notes.add(
              "stratum "
                  + sl.get(k)
                  + " has a single subject: it contributes nothing to stratified tests");
        }
      }
    }
    String unit = outputUnit().label();
    return new SurvivalInput(d, t, unit, List.copyOf(notes));
  }

  /** Several strata columns combined per row as {@code a/b} (one String per distinct label). */
  private String[] combinedStrata(DataTable t) {
    List<String[]> cols = new ArrayList<>();
    for (String c : strata) {
      cols.add(Columns.labels(t, c, "a stratum label"));
    }
    String[] lab = new String[t.rowCount()];
    Map<String, String> intern = new HashMap<>();
    for (int i = 0; i < lab.length; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < cols.size(); j++) {
        if (j > 0) {
          b.append('/');
        }
        b.append(cols.get(j)[i]);
      }
      lab[i] = intern.computeIfAbsent(b.toString(), k -> k);
    }
    return lab;
  }

  private static int[] index(String[] labels, List<String> levels) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < levels.size(); i++) {
      m.put(levels.get(i), i);
    }
    int[] out = new int[labels.length];
    // The reader shares one String per repeated value (per half of a large file), so the label is
    // usually one of a few references: those are matched by identity before any hashing.
    String[] refs = new String[16];
    int[] refLevel = new int[16];
    int nrefs = 0;
    for (int i = 0; i < labels.length; i++) {
      String v = labels[i];
      int k = -1;
      for (int j = 0; j < nrefs; j++) {
        if (refs[j] == v) {
          k = refLevel[j];
          break;
        }
      }
      if (k < 0) {
        k = m.get(v);
        if (nrefs < refs.length) {
          refs[nrefs] = v;
          refLevel[nrefs++] = k;
        }
      }
      out[i] = k;
    }
    return out;
  }
}
