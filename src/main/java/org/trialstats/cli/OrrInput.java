package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trialstats.io.Columns;
import org.trialstats.io.DataLoader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;

/**
 * The counts behind {@code trialstats orr}: responders and subjects per group and stratum, read
 * from summary options or from subject-level data. All user mistakes are {@link InputException}s.
 */
final class OrrInput {
  /** RECIST 1.1 response codes accepted in the response column (compared case-insensitively). */
  static final List<String> KNOWN = List.of("CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE");

  /** Codes read as "no response recorded" (besides an empty cell); admiralonco writes MISSING. */
  static final List<String> MISSING = List.of("MISSING");

  /** The single stratum used when there is no stratification. */
  static final String NO_STRATUM = "";

  final List<String> groups = new ArrayList<>();
  final List<String> strata = new ArrayList<>();

  /** group -> stratum -> {responders, n, missing}. */
  private final Map<String, Map<String, int[]>> cells = new LinkedHashMap<>();

  final List<String> notes = new ArrayList<>();
  boolean stratified;

  void add(String group, String stratum, int responders, int n, int missing) {
    if (!cells.containsKey(group)) {
      groups.add(group);
    }
    if (!strata.contains(stratum)) {
      strata.add(stratum);
    }
    int[] c =
        cells
            .computeIfAbsent(group, k -> new LinkedHashMap<>())
            .computeIfAbsent(stratum, k -> new int[3]);
    c[0] += responders;
    c[1] += n;
    c[2] += missing;
  }

  /** {responders, n, missing} of a group over all strata. */
  int[] total(String group) {
    int[] t = new int[3];
    for (int[] c : cells.get(group).values()) {
      for (int i = 0; i < 3; i++) {
        t[i] += c[i];
      }
    }
    return t;
  }

  /** {responders, n} of a group in a stratum (zeros when absent). */
  int[] cell(String group, String stratum) {
    int[] c = cells.get(group).get(stratum);
    return c == null ? new int[3] : c;
  }

  // ------------------------------------------------------------------ summary input

  /** {@code --responders K --n N}. */
  static OrrInput single(int responders, int n) {
    checkCounts("--responders/--n", responders, n);
    OrrInput in = new OrrInput();
    in.add("ALL", NO_STRATUM, responders, n, 0);
    return in;
  }

  /** {@code --counts "A:11/26,B:7/24"} (a lone {@code 11/26} is the group ALL). */
  static OrrInput counts(String spec) {
    OrrInput in = new OrrInput();
    String[] items = spec.split(",");
    for (String raw : items) {
      String item = raw.trim();
      String expected = "GROUP:RESPONDERS/N items separated by commas, e.g. A:11/26,B:7/24";
      int colon = item.lastIndexOf(':');
      String name = colon < 0 ? (items.length == 1 ? "ALL" : "") : item.substring(0, colon).trim();
      String frac = colon < 0 ? item : item.substring(colon + 1).trim();
      int slash = frac.indexOf('/');
      if (name.isEmpty() || slash < 0) {
        throw new InputException("--counts '" + item + "': expected " + expected);
      }
      int k;
      int n;
      try {
        k = Integer.parseInt(frac.substring(0, slash).trim());
        n = Integer.parseInt(frac.substring(slash + 1).trim());
      } catch (NumberFormatException e) {
        throw new InputException("--counts '" + item + "': expected " + expected);
      }
      checkCounts("--counts " + name, k, n);
      if (in.groups.contains(name)) {
        throw new InputException("--counts: group '" + name + "' is given twice");
      }
      in.add(name, NO_STRATUM, k, n, 0);
    }
    return in;
  }

  /** A CSV with columns group,responders,n and optionally stratum. */
  static OrrInput countsFile(Path file) {
    DataTable t = DataLoader.read(file, null);
    OrrInput in = new OrrInput();
    String[] g = Columns.labels(t, "group", "a group label");
    int[] k = integers(t, "responders");
    int[] n = integers(t, "n");
    String[] s = t.has("stratum") ? Columns.labels(t, "stratum", "a stratum label") : null;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < g.length; i++) {
      if (n[i] == 0) {
        throw Columns.bad(t, i, "n", "a positive number of subjects", t.cell(i, "n"));
      }
      if (k[i] > n[i]) {
        throw Columns.bad(
            t, i, "responders", "at most n = " + n[i] + " responders", t.cell(i, "responders"));
      }
      String st = s == null ? NO_STRATUM : s[i];
      if (!seen.add(g[i] + "\u0000" + st)) {
        throw Columns.bad(t, i, "group", "each group (and stratum) once", g[i]);
      }
      in.add(g[i], st, k[i], n[i], 0);
    }
    if (t.rowCount() == 0) {
      throw new InputException(t.source() + ": no rows");
    }
    in.stratified = s != null;
    return in;
  }

  private static int[] integers(DataTable t, String column) {
    double[] v = Columns.numbers(t, column, "a non-negative whole number");
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      if (v[i] < 0 || v[i] != Math.rint(v[i]) || v[i] > Integer.MAX_VALUE) {
        throw Columns.bad(t, i, column, "a non-negative whole number", t.cell(i, column));
      }
      out[i] = (int) v[i];
    }
    return out;
  }

  static void checkCounts(String where, int k, int n) {
    if (n < 0 || k < 0) {
      throw new InputException(
          where + ": counts must not be negative (found " + k + " responders of " + n + ")");
    }
    if (n == 0) {
      throw new InputException(where + ": n must be at least 1 (found n = 0)");
    }
    if (k > n) {
      throw new InputException(
          where + ": more responders than subjects (" + k + " responders of n = " + n + ")");
    }
  }

  // ------------------------------------------------------------------ subject-level data

  /**
   * Subject-level input: one row per subject (e.g. ADRS filtered to PARAMCD=CBOR), the response
   * column, responder codes, optional grouping and strata. With {@code --adsl}, ADSL subjects that
   * have no response row are added as subjects with a missing response.
   */
  static OrrInput data(
      DataOptions data,
      String response,
      Set<String> responders,
      String by,
      List<String> strataCols) {
    Set<String> needed = new LinkedHashSet<>();
    needed.add(response);
    needed.add(data.id);
    if (by != null) {
      needed.add(by);
    }
    needed.addAll(strataCols);
    DataTable t = data.load(needed);
    String[] resp = t.column(response);
    String[] grp = by == null ? null : Columns.labels(t, by, "a group label");
    String[][] st = new String[strataCols.size()][];
    for (int j = 0; j < st.length; j++) {
      st[j] = Columns.labels(t, strataCols.get(j), "a stratum label");
    }
    // Response codes must be RECIST codes or missing.
    Map<String, List<String>> unknown = new LinkedHashMap<>();
    for (int i = 0; i < resp.length; i++) {
      String v = code(resp[i]);
      if (!v.isEmpty() && !KNOWN.contains(v) && !MISSING.contains(v)) {
        List<String> where = unknown.computeIfAbsent(resp[i], x -> new ArrayList<>());
        if (where.size() < 5) {
          where.add("row " + (i + 1) + " (line " + t.line(i) + ")");
        }
      }
    }
    if (!unknown.isEmpty()) {
      StringBuilder b =
          new StringBuilder(t.source())
              .append(": column ")
              .append(response)
              .append(" has values outside the RECIST codes (")
              .append(String.join(", ", KNOWN))
              .append(", or empty/MISSING for no response):");
      for (Map.Entry<String, List<String>> e : unknown.entrySet()) {
        b.append(" '").append(e.getKey()).append("' at ").append(String.join(", ", e.getValue()));
        b.append(';');
      }
      b.setLength(b.length() - 1);
      throw new InputException(b.toString());
    }
    // One row per subject.
    if (t.has(data.id)) {
      String[] ids = t.column(data.id);
      Map<String, Integer> first = new HashMap<>();
      for (int i = 0; i < ids.length; i++) {
        Integer prev = first.putIfAbsent(ids[i], i);
        if (prev != null && !ids[i].isEmpty()) {
          throw new InputException(
              String.format(
                  "%s: subject %s appears on lines %d and %d; orr needs one row per subject"
                      + " (e.g. --where PARAMCD=CBOR or BOR)",
                  t.source(), ids[i], t.line(prev), t.line(i)));
        }
      }
    }
    OrrInput in = new OrrInput();
    in.stratified = !strataCols.isEmpty();
    int missing = 0;
    for (int i = 0; i < resp.length; i++) {
      String v = code(resp[i]);
      boolean miss = v.isEmpty() || MISSING.contains(v);
      missing += miss ? 1 : 0;
      in.add(
          grp == null ? "ALL" : grp[i],
          stratumKey(st, i),
          responders.contains(v) ? 1 : 0,
          1,
          miss ? 1 : 0);
    }
    if (data.adsl != null) {
      in.addAdslOnly(data, t, by, strataCols);
    }
    return in;
  }

  private static String stratumKey(String[][] st, int i) {
    if (st.length == 0) {
      return NO_STRATUM;
    }
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < st.length; j++) {
      if (j > 0) {
        b.append('/');
      }
      b.append(st[j][i]);
    }
    return b.toString();
  }

  /** Adds the ADSL subjects (after the --where clauses that apply to ADSL) with no data row. */
  private void addAdslOnly(DataOptions data, DataTable t, String by, List<String> strataCols) {
    DataTable adsl = DataLoader.read(data.adsl, null);
    Map<String, Set<String>> where = DataLoader.parseWhere(data.where);
    boolean[] keep = new boolean[adsl.rowCount()];
    java.util.Arrays.fill(keep, true);
    for (Map.Entry<String, Set<String>> f : where.entrySet()) {
      if (adsl.has(f.getKey())) {
        String[] c = adsl.column(f.getKey());
        for (int i = 0; i < c.length; i++) {
          keep[i] &= f.getValue().contains(c[i]);
        }
      }
    }
    adsl = adsl.select(keep);
    Set<String> present = new HashSet<>(List.of(t.column(data.id)));
    String[] aid = Columns.labels(adsl, data.id, "a subject id");
    List<Integer> extra = new ArrayList<>();
    for (int i = 0; i < aid.length; i++) {
      if (!present.contains(aid[i])) {
        extra.add(i);
      }
    }
    if (extra.isEmpty()) {
      return;
    }
    List<String> lacking = new ArrayList<>();
    if (by != null && !adsl.has(by)) {
      lacking.add(by);
    }
    for (String s : strataCols) {
      if (!adsl.has(s)) {
        lacking.add(s);
      }
    }
    if (!lacking.isEmpty()) {
      throw new InputException(
          String.format(
              "%s: %d subject(s) have no response row (e.g. %s) but ADSL lacks %s to place them;"
                  + " add the column to ADSL or drop --adsl",
              adsl.source(), extra.size(), aid[extra.get(0)], String.join(", ", lacking)));
    }
    int[] idx = extra.stream().mapToInt(Integer::intValue).toArray();
    DataTable x = adsl.rows(idx);
    String[] grp = by == null ? null : Columns.labels(x, by, "a group label");
    String[][] st = new String[strataCols.size()][];
    for (int j = 0; j < st.length; j++) {
      st[j] = Columns.labels(x, strataCols.get(j), "a stratum label");
    }
    for (int i = 0; i < idx.length; i++) {
      add(grp == null ? "ALL" : grp[i], stratumKey(st, i), 0, 1, 1);
    }
    notes.add(
        idx.length
            + " ADSL subject(s) without a response row counted as non-responders"
            + " (missing response)");
  }

  /** The response cell as a comparable code (trimmed, upper case). */
  static String code(String cell) {
    return cell == null ? "" : cell.trim().toUpperCase(Locale.ROOT);
  }
}
