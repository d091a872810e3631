package org.trialstats.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable table of text cells read from one input file (CSV or SAS), column-major. Cells are
 * kept as read (trimmed); typed views ({@link Columns}) check and convert them with error messages
 * that name the file, the row and the column.
 *
 * <p>Two compact forms exist for large files: a column may be kept only as 64-bit hashes of its
 * cells ({@link #hashes}: equality checks on ids), or as numbers ({@link #numbers}: a column whose
 * every cell was a plain non-negative decimal, such as times and censor codes, parsed once without
 * a String per cell). A numeric column still answers {@link #column} with its cells as text, made
 * on first use in plain form: the same numbers, redundant zeros dropped ({@code 1.50} reads back as
 * {@code 1.5}, {@code 007} as {@code 7}).
 */
public final class DataTable {
  private final String source;
  private final List<String> names;
  private final List<String> fileColumns;
  private final Map<String, String[]> columns;
  private final int[] lines;
  // the 0-based data row in the file of each row (null: row i is data row i of the file)
  private final int[] fileRows;
  private final int rows;
  private final Map<String, long[]> hashes;
  private final Map<String, double[]> numbers;
  // columns whose cells come from another file (ADSL columns joined by subject): that file, and
  // for each row of this table the row (0-based) and line there
  private final Map<String, Origin> origins;

  private record Origin(String source, int[] rows, int[] lines) {}

  // made on first use (from more than one thread: see SurvivalOptions)
  private final Map<String, String[]> numberText = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Distinct> levelCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** The hash of an empty or missing cell in a hashed column ({@link #hashes}). */
  public static final long MISSING_HASH = 0L;

  /**
   * @param source the file name shown in messages
   * @param columns column name to cells (all of one length), in file order
   * @param lines the file line on which each row starts (for messages); null means row + 1
   */
  public DataTable(String source, LinkedHashMap<String, String[]> columns, int[] lines) {
    this(source, columns, lines, null);
  }

  /**
   * As above; {@code fileColumns} are all the columns the source has (when only some were read), so
   * that a message about an unknown column can list every column the user could name.
   */
  public DataTable(
      String source,
      LinkedHashMap<String, String[]> columns,
      int[] lines,
      List<String> fileColumns) {
    this(source, columns, lines, fileColumns, null);
  }

  /**
   * As above, with columns kept only as 64-bit hashes of their cells ({@link #hashes}): equality
   * checks (e.g. one row per subject id) on large files without a String per cell.
   */
  public DataTable(
      String source,
      LinkedHashMap<String, String[]> columns,
      int[] lines,
      List<String> fileColumns,
      Map<String, long[]> hashes) {
    this(source, columns, lines, fileColumns, hashes, null);
  }

  /**
   * As above, with {@code numbers}: columns read as numbers ({@link #numbers}), each also a column
   * of the table ({@link #has}, {@link #column}).
   */
  public DataTable(
      String source,
      LinkedHashMap<String, String[]> columns,
      int[] lines,
      List<String> fileColumns,
      Map<String, long[]> hashes,
      Map<String, double[]> numbers) {
    this(source, columns, lines, null, fileColumns, hashes, numbers, Map.of());
  }

  private DataTable(
      String source,
      LinkedHashMap<String, String[]> columns,
      int[] lines,
      int[] fileRows,
      List<String> fileColumns,
      Map<String, long[]> hashes,
      Map<String, double[]> numbers,
      Map<String, Origin> origins) {
    this.source = source;
    this.origins = Map.copyOf(origins);
    this.numbers =
        numbers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    this.hashes =
        hashes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    List<String> kept = new ArrayList<>(columns.keySet());
    kept.addAll(this.numbers.keySet());
    if (fileColumns != null && !this.numbers.isEmpty()) {
      kept.sort(java.util.Comparator.comparingInt(fileColumns::indexOf)); // file order
    }
    this.names = List.copyOf(kept);
    int r = -1;
    for (Map.Entry<String, String[]> e : columns.entrySet()) {
      if (r >= 0 && e.getValue().length != r) {
        throw new IllegalArgumentException("ragged column " + e.getKey());
      }
      r = e.getValue().length;
    }
    for (Map.Entry<String, long[]> e : this.hashes.entrySet()) {
      if (r >= 0 && e.getValue().length != r) {
        throw new IllegalArgumentException("ragged column " + e.getKey());
      }
      r = e.getValue().length;
    }
    for (Map.Entry<String, double[]> e : this.numbers.entrySet()) {
      if (r >= 0 && e.getValue().length != r) {
        throw new IllegalArgumentException("ragged column " + e.getKey());
      }
      r = e.getValue().length;
    }
    this.rows = Math.max(r, 0);
    this.lines = lines;
    this.fileRows = fileRows;
    List<String> all = new java.util.ArrayList<>(fileColumns == null ? List.of() : fileColumns);
    for (String n : names) {
      if (!all.contains(n)) {
        all.add(n);
      }
    }
    this.fileColumns = List.copyOf(all);
  }

  public String source() {
    return source;
  }

  public int rowCount() {
    return rows;
  }

  public List<String> columnNames() {
    return names;
  }

  public boolean has(String column) {
    return columns.containsKey(column) || numbers.containsKey(column);
  }

  /** The file line on which data row {@code i} (0-based) starts. */
  public int line(int i) {
    return lines == null ? i + 2 : lines[i];
  }

  /** The file the cells of {@code column} come from ({@link #source} unless joined from ADSL). */
  public String source(String column) {
    Origin o = origins.get(column);
    return o == null ? source : o.source();
  }

  /**
   * The 1-based data row, in {@link #source(String)}, of the cell of row {@code i}: its row in the
   * file even after {@code --where} kept only some rows.
   */
  public int fileRow(String column, int i) {
    Origin o = origins.get(column);
    if (o != null) {
      return o.rows()[i] + 1;
    }
    return (fileRows == null ? i : fileRows[i]) + 1;
  }

  /** The line, in {@link #source(String)}, of the cell of row {@code i} of {@code column}. */
  public int line(String column, int i) {
    Origin o = origins.get(column);
    return o == null ? line(i) : o.lines()[i];
  }

  /** The cells of a column; an unknown name is an input error that lists the columns there are. */
  public String[] column(String name) {
    String[] c = columns.get(name);
    if (c == null && numbers.containsKey(name)) {
      c = numberText.computeIfAbsent(name, k -> plainText(numbers.get(k)));
    }
    if (c == null) {
      throw new InputException(
          String.format(
              "%s: no column '%s'; the columns are: %s",
              source, name, String.join(", ", fileColumns)));
    }
    return c;
  }

  public String cell(int row, String column) {
    double[] x = numbers.get(column);
    if (x != null && !numberText.containsKey(column)) {
      return plainText(x[row]); // one cell (an error message) without the column's text
    }
    return column(column)[row];
  }

  /** True when {@code column} was read as numbers ({@link #numbers}). */
  public boolean hasNumbers(String column) {
    return numbers.containsKey(column);
  }

  /**
   * A column read as numbers: every cell was a plain non-negative decimal (at most 15 significant
   * digits), parsed to the same double as {@link Double#parseDouble}. The array is the table's own:
   * do not modify it.
   */
  public double[] numbers(String column) {
    double[] x = numbers.get(column);
    if (x == null) {
      throw new IllegalArgumentException("column " + column + " was not read as numbers");
    }
    return x;
  }

  /**
   * The cells of a numeric column as text: each value's decimal form with at most 15 significant
   * digits (which is the cell as written, since such a decimal survives the round trip through a
   * double), trailing zeros dropped.
   */
  private static String[] plainText(double[] x) {
    String[] out = new String[x.length];
    Map<Double, String> seen = new java.util.HashMap<>();
    for (int i = 0; i < x.length; i++) {
      out[i] = seen.computeIfAbsent(x[i], DataTable::plainText);
    }
    return out;
  }

  private static String plainText(double v) {
    return new java.math.BigDecimal(v)
        .round(new java.math.MathContext(15))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** True when {@code column} was read as hashes only. */
  public boolean hasHashes(String column) {
    return hashes.containsKey(column);
  }

  /**
   * A column read as 64-bit FNV-1a hashes of its trimmed cells ({@link #MISSING_HASH} for empty or
   * missing); equal cells have equal hashes.
   */
  public long[] hashes(String column) {
    long[] h = hashes.get(column);
    if (h == null) {
      throw new IllegalArgumentException("column " + column + " was not read as hashes");
    }
    return h;
  }

  /** The rows whose flag is set, as a new table with the same source and line numbers. */
  public DataTable select(boolean[] keep) {
    int k = 0;
    for (boolean b : keep) {
      if (b) {
        k++;
      }
    }
    int[] idx = new int[k];
    k = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        idx[k++] = i;
      }
    }
    return rows(idx);
  }

  /** The given rows (0-based indices, in that order) as a new table. */
  public DataTable rows(int[] idx) {
    LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
    for (String n : columns.keySet()) {
      String[] src = columns.get(n);
      String[] dst = new String[idx.length];
      for (int i = 0; i < idx.length; i++) {
        dst[i] = src[idx[i]];
      }
      out.put(n, dst);
    }
    LinkedHashMap<String, long[]> hs = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : hashes.entrySet()) {
      long[] src = e.getValue();
      long[] dst = new long[idx.length];
      for (int i = 0; i < idx.length; i++) {
        dst[i] = src[idx[i]];
      }
      hs.put(e.getKey(), dst);
    }
    LinkedHashMap<String, double[]> nums = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : numbers.entrySet()) {
      double[] src = e.getValue();
      double[] dst = new double[idx.length];
      for (int i = 0; i < idx.length; i++) {
        dst[i] = src[idx[i]];
      }
      nums.put(e.getKey(), dst);
    }
    int[] l = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      l[i] = line(idx[i]);
    }
    Map<String, Origin> org = new java.util.HashMap<>();
    Map<Origin, Origin> moved = new java.util.IdentityHashMap<>(); // columns share an origin
    for (Map.Entry<String, Origin> e : origins.entrySet()) {
      Origin o = e.getValue();
      org.put(
          e.getKey(),
          moved.computeIfAbsent(
              o,
              k -> {
                int[] r = new int[idx.length];
                int[] ln = new int[idx.length];
                for (int i = 0; i < idx.length; i++) {
                  r[i] = k.rows()[idx[i]];
                  ln[i] = k.lines()[idx[i]];
                }
                return new Origin(k.source(), r, ln);
              }));
    }
    int[] fr = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      fr[i] = fileRows == null ? idx[i] : fileRows[idx[i]];
    }
    return new DataTable(source, out, l, fr, fileColumns, hs, nums, org);
  }

  /** This table with extra columns (same row count) appended; existing names are kept. */
  public DataTable withColumns(Map<String, String[]> extra) {
    LinkedHashMap<String, String[]> out = new LinkedHashMap<>(columns);
    for (Map.Entry<String, String[]> e : extra.entrySet()) {
      if (!numbers.containsKey(e.getKey())) {
        out.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    int[] l = new int[rows];
    for (int i = 0; i < rows; i++) {
      l[i] = line(i);
    }
    List<String> all = new java.util.ArrayList<>(fileColumns);
    all.addAll(extra.keySet());
    return new DataTable(source, out, l, fileRows, all, hashes, numbers, origins);
  }

  /**
   * This table with columns of {@code from} brought onto its rows: row {@code i} takes row {@code
   * map[i]} of {@code from}. Messages about those cells name {@code from}'s file, row and line.
   */
  public DataTable withColumnsOf(DataTable from, List<String> names, int[] map) {
    LinkedHashMap<String, String[]> extra = new LinkedHashMap<>();
    int[] ln = new int[map.length];
    int[] fr = new int[map.length];
    for (int i = 0; i < map.length; i++) {
      ln[i] = from.line(map[i]);
      fr[i] = from.fileRows == null ? map[i] : from.fileRows[map[i]];
    }
    Origin o = new Origin(from.source(), fr, ln);
    Map<String, Origin> org = new java.util.HashMap<>(origins);
    for (String c : names) {
      if (has(c)) {
        continue;
      }
      String[] src = from.column(c);
      String[] dst = new String[map.length];
      for (int i = 0; i < map.length; i++) {
        dst[i] = src[map[i]];
      }
      extra.put(c, dst);
      org.put(c, o);
    }
    DataTable t = withColumns(extra);
    return new DataTable(
        t.source,
        new LinkedHashMap<>(t.columns),
        t.lines,
        t.fileRows,
        t.fileColumns,
        t.hashes,
        t.numbers,
        org);
  }

  /** Distinct non-empty values of a column in order of first appearance (a new list). */
  public List<String> levels(String column) {
    return new ArrayList<>(levelCache.computeIfAbsent(column, this::distinct).levels());
  }

  /** True when a cell of the column is empty (or missing: {@code NA}, {@code .}). */
  public boolean hasEmpty(String column) {
    return levelCache.computeIfAbsent(column, this::distinct).empty();
  }

  private record Distinct(List<String> levels, boolean empty) {}

  private Distinct distinct(String column) {
    boolean empty = false;
    List<String> out = new ArrayList<>();
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    // The readers share one String per repeated value: a reference already seen (among the
    // first few) is skipped without hashing, so a million-row arm column costs one quick pass.
    String[] recent = new String[8];
    int nr = 0;
    next:
    for (String v : column(column)) {
      for (int k = 0; k < nr; k++) {
        if (recent[k] == v) {
          continue next;
        }
      }
      if (v == null || v.isEmpty()) {
        empty = true;
        continue;
      }
      if (seen.add(v)) {
        out.add(v);
      }
      if (nr < recent.length) {
        recent[nr++] = v;
      }
    }
    return new Distinct(List.copyOf(out), empty);
  }
}
