package org.trialstats.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads an analysis dataset the way every command does: read the file (CSV or {@code .sas7bdat}),
 * keep the rows matching each {@code --where COL=VALUE}, and bring subject-level columns from an
 * {@code --adsl} file joined by the subject id.
 */
public final class DataLoader {
  private DataLoader() {}

  /** Reads a CSV or SAS file, keeping the {@code wanted} columns (all when null). */
  public static DataTable read(Path file, Set<String> wanted) {
    return read(file, wanted, Set.of());
  }

  /**
   * As {@link #read(Path, Set)}; a CSV keeps the {@code hashed} columns (not also wanted) as hashes
   * only ({@link DataTable#hashes}); a SAS file reads them as text.
   */
  static DataTable read(Path file, Set<String> wanted, Set<String> hashed) {
    return read(file, wanted, hashed, Set.of());
  }

  /**
   * As {@link #read(Path, Set, Set)}; a CSV reads the {@code numeric} columns as numbers when all
   * their cells are plain decimals ({@link DataTable#numbers}); a SAS file reads them as text.
   */
  static DataTable read(Path file, Set<String> wanted, Set<String> hashed, Set<String> numeric) {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".sas7bdat")) {
      Set<String> w = wanted;
      if (w != null && !hashed.isEmpty()) {
        w = new HashSet<>(wanted);
        w.addAll(hashed);
      }
      return SasReader.read(file, w);
    }
    return CsvReader.read(file, wanted, hashed, numeric);
  }

  /**
   * Parses {@code --where} clauses ({@code COL=VALUE}); a malformed clause is an input error.
   * Several clauses on the same column are alternatives (OR), clauses on different columns all
   * apply (AND).
   */
  public static Map<String, Set<String>> parseWhere(List<String> where) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String w : where) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        throw new InputException(
            "--where '" + w + "': expected COLUMN=VALUE, e.g. --where PARAMCD=PFS");
      }
      out.computeIfAbsent(w.substring(0, eq).trim(), k -> new HashSet<>())
          .add(w.substring(eq + 1).trim());
    }
    return out;
  }

  /**
   * Loads {@code data}, filters it, and joins {@code adsl} (may be null) by {@code id}.
   *
   * @param needed the columns the analysis uses (from either file); null reads all
   */
  public static DataTable load(
      Path data, List<String> where, Path adsl, String id, Set<String> needed) {
    return load(data, where, adsl, id, needed, Set.of());
  }

  /**
   * As above; the {@code hashed} columns of {@code data} (e.g. the subject id, to check one row per
   * subject) are kept as hashes when nothing else needs their text.
   */
  public static DataTable load(
      Path data, List<String> where, Path adsl, String id, Set<String> needed, Set<String> hashed) {
    return load(data, where, adsl, id, needed, hashed, Set.of());
  }

  /**
   * As above; the {@code numeric} columns of {@code data} (times, censor codes: a million cells
   * each on large files) are read as numbers when every cell is a plain decimal ({@link
   * DataTable#numbers}), unless a {@code --where} clause compares their text.
   */
  public static DataTable load(
      Path data,
      List<String> where,
      Path adsl,
      String id,
      Set<String> needed,
      Set<String> hashed,
      Set<String> numeric) {
    Map<String, Set<String>> filters = parseWhere(where);
    Set<String> typed = new HashSet<>(numeric);
    typed.removeAll(filters.keySet());
    Set<String> cols = null;
    if (needed != null) {
      cols = new HashSet<>(needed);
      cols.addAll(filters.keySet());
      if (adsl != null) {
        cols.add(id);
      }
    }
    DataTable t =
        read(data, cols, cols == null ? Set.of() : hashed, cols == null ? Set.of() : typed);
    t = filter(t, filters, adsl == null);
    if (adsl != null) {
      t = filter(joinAdsl(t, read(adsl, cols), id), filters, true);
    }
    if (t.rowCount() == 0) {
      throw new InputException(
          t.source()
              + ": no rows to analyse"
              + (where.isEmpty() ? "" : " after --where " + String.join(" --where ", where)));
    }
    return t;
  }

  /**
   * Applies the filters; a filter column missing from the data may live in ADSL (checked later).
   */
  static DataTable filter(DataTable t, Map<String, Set<String>> filters, boolean strict) {
    if (filters.isEmpty()) {
      return t;
    }
    boolean[] keep = new boolean[t.rowCount()];
    java.util.Arrays.fill(keep, true);
    for (Map.Entry<String, Set<String>> f : filters.entrySet()) {
      if (!t.has(f.getKey()) && !strict) {
        continue;
      }
      String[] c = t.column(f.getKey());
      for (int i = 0; i < c.length; i++) {
        keep[i] &= f.getValue().contains(c[i]);
      }
    }
    DataTable out = t.select(keep);
    if (out.rowCount() == 0 && t.rowCount() > 0) {
      StringBuilder b = new StringBuilder(t.source()).append(": no row matches");
      for (Map.Entry<String, Set<String>> f : filters.entrySet()) {
        if (t.has(f.getKey())) {
          b.append(
              String.format(
                  " %s in %s (values there: %s);",
                  f.getKey(), f.getValue(), String.join(", ", head(t.levels(f.getKey()), 12))));
        }
      }
      throw new InputException(b.toString());
    }
    return out;
  }

  private static List<String> head(List<String> l, int k) {
    if (l.size() <= k) {
      return l;
    }
    List<String> out = new ArrayList<>(l.subList(0, k));
    out.add("... (" + (l.size() - k) + " more)");
    return out;
  }

  /**
   * Brings the ADSL columns that the data lacks onto each data row by subject id. ADSL must have
   * one row per subject; a data subject missing from ADSL is an error naming it.
   */
  public static DataTable joinAdsl(DataTable data, DataTable adsl, String id) {
    String[] aid = Columns.labels(adsl, id, "a subject id");
    Map<String, Integer> index = new HashMap<>(aid.length * 2);
    List<String> dups = new ArrayList<>();
    for (int i = 0; i < aid.length; i++) {
      if (index.putIfAbsent(aid[i], i) != null && dups.size() < 10) {
        dups.add(aid[i] + " (line " + adsl.line(i) + ")");
      }
    }
    if (!dups.isEmpty()) {
      throw new InputException(
          String.format(
              "%s: ADSL must have one row per subject; %s repeated: %s",
              adsl.source(), id, String.join(", ", dups)));
    }
    String[] did = Columns.labels(data, id, "a subject id");
    int[] map = new int[did.length];
    for (int i = 0; i < did.length; i++) {
      Integer k = index.get(did[i]);
      if (k == null) {
        throw Columns.bad(data, i, id, "a subject present in " + adsl.source(), did[i]);
      }
      map[i] = k;
    }
    return data.withColumnsOf(adsl, adsl.columnNames(), map);
  }
}
