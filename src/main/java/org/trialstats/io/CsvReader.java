package org.trialstats.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads delimited text (RFC 4180 quoting; comma, semicolon or tab detected from the header line;
 * UTF-8 with or without BOM) into a {@link DataTable}.
 *
 * <p>The parser works on bytes (the delimiters and quotes are ASCII, so UTF-8 text passes through
 * untouched) and makes Strings only for the columns asked for; repeated values of a column (arm
 * names, censor codes) share one String. A million-row file reads in well under a second and needs
 * little more heap than its kept cells. Cells are trimmed; {@code NA} and {@code .} (R's and SAS's
 * missing) read as empty.
 */
public final class CsvReader {
  private static final int DEDUP_LIMIT = 1 << 16;
  private static final int FEW = 8;

  private CsvReader() {}

  /** Reads every column. */
  public static DataTable read(Path file) {
    return read(file, null);
  }

  /**
   * Reads the named columns (all when {@code wanted} is null). A wanted column that is not in the
   * file is not an error here; asking the table for it is.
   */
  public static DataTable read(Path file, Set<String> wanted) {
    return read(file, wanted, Set.of());
  }

  /**
   * As {@link #read(Path, Set)}; the {@code hashed} columns are kept only as 64-bit hashes of their
   * cells ({@link DataTable#hashes}), for equality checks on a million ids without a String each.
   */
  public static DataTable read(Path file, Set<String> wanted, Set<String> hashed) {
    return read(file, wanted, hashed, Set.of());
  }

  /**
   * As {@link #read(Path, Set, Set)}; the wanted {@code numeric} columns are parsed straight to
   * numbers ({@link DataTable#numbers}) when every cell is a plain non-negative decimal (digits
   * with at most one point, at most 15 significant digits: times, censor codes), and kept as text
   * otherwise (a sign, an exponent, an empty or missing cell: the checks on the text then give
   * their usual messages).
   */
  public static DataTable read(
      Path file, Set<String> wanted, Set<String> hashed, Set<String> numeric) {
    String name = file.toString();
    try {
      if (PARALLEL && Files.size(file) >= PARALLEL_MIN_BYTES) {
        byte[] all = ReadAhead.take(file);
        if (all == null) {
          all = Files.readAllBytes(file);
        }
        DataTable t;
        try {
          t = readInHalves(all, name, wanted, hashed, numeric);
        } catch (NotPlainNumber e) {
          numeric = Set.of();
          t = readInHalves(all, name, wanted, hashed, numeric);
        }
        return t != null
            ? t
            : read(new java.io.ByteArrayInputStream(all), name, wanted, hashed, numeric);
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(in, name, wanted, hashed, numeric);
      }
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": file not found");
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads text from a reader (tests, small inputs); {@code name} is used in messages. */
  public static DataTable read(Reader reader, String name, Set<String> wanted) throws IOException {
    StringBuilder b = new StringBuilder();
    char[] c = new char[8192];
    int k;
    while ((k = reader.read(c)) > 0) {
      b.append(c, 0, k);
    }
    return read(
        new java.io.ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)),
        name,
        wanted);
  }

  /** Reads UTF-8 bytes; {@code name} is used in messages. */
  public static DataTable read(InputStream in, String name, Set<String> wanted) throws IOException {
    return read(in, name, wanted, Set.of());
  }

  static DataTable read(InputStream in, String name, Set<String> wanted, Set<String> hashed)
      throws IOException {
    return read(in, name, wanted, hashed, Set.of());
  }

  static DataTable read(
      InputStream in, String name, Set<String> wanted, Set<String> hashed, Set<String> numeric)
      throws IOException {
    Parsed r;
    if (numeric.isEmpty()) {
      r = parse(in, name, wanted, hashed, numeric);
    } else {
      byte[] all = in.readAllBytes();
      try {
        r = parse(new java.io.ByteArrayInputStream(all), name, wanted, hashed, numeric);
      } catch (NotPlainNumber e) {
        r = parse(new java.io.ByteArrayInputStream(all), name, wanted, hashed, Set.of());
      }
    }
    return new DataTable(name, r.columns(), r.lines(), r.header(), r.hashes(), r.numbers());
  }

  /**
   * Thrown (without a stack trace) by an in-place parser on a line end inside quotes, a doubled
   * quote, a quote after leading blanks or a lone CR: the file is then not split (a line end inside
   * quotes could be cut) and is parsed as a stream instead.
   */
  private static final class NotSplittable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotSplittable INSTANCE = new NotSplittable();

    private NotSplittable() {
      super(null, null, false, false);
    }
  }

  /**
   * Thrown (without a stack trace) when a cell of a numeric column is not a plain decimal: the file
   * is then read again with that column as text.
   */
  private static final class NotPlainNumber extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPlainNumber() {
      super(null, null, false, false);
    }
  }

  /** Files from this size on are parsed in two halves in parallel (when there are 2+ cores). */
  static final long PARALLEL_MIN_BYTES = 4L << 20;

  private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

  private record Parsed(
      List<String> header,
      LinkedHashMap<String, String[]> columns,
      int[] lines,
      int rows,
      LinkedHashMap<String, long[]> hashes,
      LinkedHashMap<String, double[]> numbers) {}

  /**
   * Parses a file without line ends inside quotes and with LF (or CRLF) line ends as two halves
   * split at a line end: the header is read once, each half's lines are counted (in parallel), and
   * the halves are parsed in place on two threads straight into arrays sized for the whole body,
   * each from its own offset: the same table as the sequential parse, without a copy. Returns null
   * when the file does not qualify (a line end inside quotes, a lone CR, no split point) or either
   * half has an input error: the caller then parses sequentially, so messages name the same row and
   * line as always. Throws {@link NotPlainNumber} when a {@code numeric} column has a cell that is
   * not a plain number.
   */
  static DataTable readInHalves(byte[] all, String name, Set<String> wanted) {
    return readInHalves(all, name, wanted, Set.of(), Set.of());
  }

  static DataTable readInHalves(
      byte[] all, String name, Set<String> wanted, Set<String> hashed, Set<String> numeric) {
    int n = all.length;
    int headerEnd = -1;
    for (int i = 0; i < n && headerEnd < 0; i++) {
      if (all[i] == '\n') {
        headerEnd = i + 1;
      }
    }
    if (headerEnd < 0) {
      return null;
    }
    int split = -1;
    for (int i = Math.max(n / 2, headerEnd); i < n; i++) {
      if (all[i] == '\n') {
        split = i + 1;
        break;
      }
    }
    if (split <= headerEnd || split >= n) {
      return null;
    }
    Parser hp = new Parser(all, 0, headerEnd, name);
    Header h;
    try {
      h = header(hp, name, wanted, hashed, numeric);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    // Both halves write into the same arrays, each at its own offset: count the lines of each
    // half (in parallel) to know where the second one starts, so nothing is copied afterwards.
    int second = split;
    int[] lines1 = new int[1];
    Thread counter = new Thread(() -> lines1[0] = lineCount(all, second, n), "csv-count");
    counter.start();
    int lines0 = lineCount(all, headerEnd, split);
    if (!join(counter)) {
      return null;
    }
    int rows = lines0 + lines1[0];
    Target target = new Target(h, rows);
    Parsed[] half = new Parsed[2];
    boolean[] notPlain = new boolean[1];
    int firstBody = headerEnd;
    Thread t =
        new Thread(
            () -> {
              try {
                Parser p = new Parser(all, second, n, name, hp.delim, h.line() + 1 + lines0);
                half[1] = body(p, h, name, target, lines0, rows);
              } catch (NotPlainNumber e) {
                notPlain[0] = true;
              } catch (IOException | RuntimeException e) {
                half[1] = null;
              }
            },
            "csv-second-half");
    t.start();
    try {
      Parser p = new Parser(all, firstBody, split, name, hp.delim, h.line() + 1);
      half[0] = body(p, h, name, target, 0, lines0);
    } catch (NotPlainNumber e) {
      notPlain[0] = true;
    } catch (IOException | RuntimeException e) {
      half[0] = null;
    }
    if (!join(t)) {
      return null;
    }
    if (notPlain[0]) {
      throw new NotPlainNumber(); // a numeric column is not plain numbers: read it as text
    }
    if (half[0] == null || half[1] == null) {
      return null;
    }
    int r0 = half[0].rows();
    int r1 = half[1].rows();
    // blank lines are not rows: close the gaps they leave (rare)
    java.util.function.UnaryOperator<Object> exact =
        arr -> {
          if (r0 + r1 == rows) {
            return arr;
          }
          System.arraycopy(arr, lines0, arr, r0, r1);
          Object c =
              java.lang.reflect.Array.newInstance(arr.getClass().getComponentType(), r0 + r1);
          System.arraycopy(arr, 0, c, 0, r0 + r1);
          return c;
        };
    LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
    target.text().forEach((k, v) -> cols.put(k, (String[]) exact.apply(v)));
    LinkedHashMap<String, long[]> hs = new LinkedHashMap<>();
    target.hashes().forEach((k, v) -> hs.put(k, (long[]) exact.apply(v)));
    LinkedHashMap<String, double[]> nums = new LinkedHashMap<>();
    target.numbers().forEach((k, v) -> nums.put(k, (double[]) exact.apply(v)));
    return new DataTable(name, cols, (int[]) exact.apply(target.lines()), h.names(), hs, nums);
  }

  /** Lines in {@code a[from, to)}: its LF count, plus one for a last line without a line end. */
  private static int lineCount(byte[] a, int from, int to) {
    int k = 0;
    for (int i = from; i < to; i++) {
      if (a[i] == '\n') {
        k++;
      }
    }
    return to > from && a[to - 1] != '\n' ? k + 1 : k;
  }

  private static boolean join(Thread t) {
    try {
      t.join();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The arrays both halves of a split file write into, one slot per line of the file body. */
  private record Target(
      LinkedHashMap<String, String[]> text,
      LinkedHashMap<String, double[]> numbers,
      LinkedHashMap<String, long[]> hashes,
      int[] lines) {
    Target(Header h, int rows) {
      this(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new int[rows]);
      for (int j = 0; j < h.names().size(); j++) {
        String c = h.names().get(j);
        if (h.keep()[j] >= 0) {
          if (h.numeric()[j]) {
            numbers.put(c, new double[rows]);
          } else {
            text.put(c, new String[rows]);
          }
        } else if (h.hkeep()[j] >= 0) {
          hashes.put(c, new long[rows]);
        }
      }
    }
  }

  private static Parsed parse(
      InputStream in, String name, Set<String> wanted, Set<String> hashed, Set<String> numeric)
      throws IOException {
    Parser p = new Parser(in, name);
    Parsed r = body(p, header(p, name, wanted, hashed, numeric), name, null, 0, Integer.MAX_VALUE);
    // exact lengths
    int n = r.rows();
    LinkedHashMap<String, String[]> cols = new LinkedHashMap<>();
    r.columns().forEach((k, v) -> cols.put(k, v.length == n ? v : Arrays.copyOf(v, n)));
    LinkedHashMap<String, long[]> hs = new LinkedHashMap<>();
    r.hashes().forEach((k, v) -> hs.put(k, v.length == n ? v : Arrays.copyOf(v, n)));
    LinkedHashMap<String, double[]> nums = new LinkedHashMap<>();
    r.numbers().forEach((k, v) -> nums.put(k, v.length == n ? v : Arrays.copyOf(v, n)));
    return new Parsed(r.header(), cols, Arrays.copyOf(r.lines(), n), n, hs, nums);
  }

  /**
   * The header line: column names, which are kept (and how), and the line it is on.
   *
   * @param keep per file column, its index among the kept columns or -1
   * @param hkeep per file column not kept, its index among the hashed columns or -1
   * @param numeric per file column, true when it is kept and read as numbers
   */
  private record Header(
      List<String> names,
      int[] keep,
      int nkeep,
      int[] hkeep,
      int nhash,
      boolean[] numeric,
      int line) {}

  private static Header header(
      Parser p, String name, Set<String> wanted, Set<String> hashed, Set<String> numeric)
      throws IOException {
    if (!p.start()) {
      throw new InputException(
          name + ": the file is empty (expected a header row of column names)");
    }
    int headerLine = p.line;
    if (!p.next()) {
      throw new InputException(
          name + ": the file is empty (expected a header row of column names)");
    }
    int ncol = p.nfields;
    if (ncol == 1 && p.fieldLength(0) == 0) {
      throw new InputException(
          name + ": the file is empty (expected a header row of column names)");
    }
    List<String> header = new ArrayList<>(ncol);
    int[] keep = new int[ncol];
    int nkeep = 0;
    HashMap<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < ncol; j++) {
      String h = p.string(j).trim();
      if (h.isEmpty()) {
        h = "V" + (j + 1);
      }
      header.add(h);
      Integer prev = seen.put(h, j);
      if (prev != null) {
        throw new InputException(
            String.format(
                "%s: line %d: column name '%s' appears twice (columns %d and %d)",
                name, headerLine, h, prev + 1, j + 1));
      }
      keep[j] = wanted == null || wanted.contains(h) ? nkeep++ : -1;
    }
    int[] hkeep = new int[ncol];
    int nhash = 0;
    boolean[] num = new boolean[ncol];
    for (int j = 0; j < ncol; j++) {
      hkeep[j] = keep[j] < 0 && hashed.contains(header.get(j)) ? nhash++ : -1;
      num[j] = keep[j] >= 0 && numeric.contains(header.get(j));
    }
    return new Header(List.copyOf(header), keep, nkeep, hkeep, nhash, num, headerLine);
  }

  /**
   * The records after the header. Without a {@code target} the columns grow as needed (the arrays
   * of the result may be longer than {@link Parsed#rows}); with one, rows are written into its
   * arrays from {@code offset} and must stay below {@code limit} ({@link NotSplittable} otherwise).
   */
  private static Parsed body(Parser p, Header h, String name, Target target, int offset, int limit)
      throws IOException {
    int ncol = h.names().size();
    int[] keep = h.keep();
    int[] hkeep = h.hkeep();
    int capacity = target == null ? 1024 : 0;
    HashColumn[] hcols = new HashColumn[h.nhash()];
    Column[] cols = new Column[h.nkeep()];
    for (int j = 0; j < ncol; j++) {
      String c = h.names().get(j);
      if (hkeep[j] >= 0) {
        hcols[hkeep[j]] =
            target == null
                ? new HashColumn(capacity)
                : new HashColumn(target.hashes().get(c), offset, limit);
      } else if (keep[j] >= 0 && h.numeric()[j]) {
        cols[keep[j]] =
            target == null
                ? new NumberColumn(capacity)
                : new NumberColumn(target.numbers().get(c), offset, limit);
      } else if (keep[j] >= 0) {
        cols[keep[j]] =
            target == null ? new Column(capacity) : new Column(target.text().get(c), offset, limit);
      }
    }
    int[] lines = target == null ? new int[capacity] : target.lines();
    int rows = 0;
    while (true) {
      int line = p.line;
      if (!p.next()) {
        break;
      }
      if (p.nfields == 1 && p.blank(0)) {
        continue; // blank line
      }
      if (p.nfields != ncol) {
        throw new InputException(
            String.format(
                "%s: row %d (line %d): expected %d fields as in the header, found %d",
                name, rows + 1, line, ncol, p.nfields));
      }
      for (int j = 0; j < ncol; j++) {
        if (keep[j] >= 0) {
          cols[keep[j]].add(p, j);
        } else if (hkeep[j] >= 0) {
          hcols[hkeep[j]].add(p, j);
        }
      }
      int at = offset + rows;
      if (target != null && at >= limit) {
        throw NotSplittable.INSTANCE;
      }
      if (at == lines.length) {
        lines = Arrays.copyOf(lines, Math.max(16, at * 2));
      }
      lines[at] = line;
      rows++;
    }
    LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
    LinkedHashMap<String, double[]> nums = new LinkedHashMap<>();
    LinkedHashMap<String, long[]> hs = new LinkedHashMap<>();
    for (int j = 0; j < ncol; j++) {
      if (keep[j] >= 0) {
        if (cols[keep[j]] instanceof NumberColumn c) {
          nums.put(h.names().get(j), c.values);
        } else {
          out.put(h.names().get(j), cols[keep[j]].data);
        }
      } else if (hkeep[j] >= 0) {
        hs.put(h.names().get(j), hcols[hkeep[j]].data);
      }
    }
    return new Parsed(h.names(), out, lines, rows, hs, nums);
  }

  /**
   * A column's array, doubled; a column writing into a shared array ({@link Target}) must not reach
   * its limit (the line count said it would not): the split parse is then abandoned.
   */
  private static <T> T grow(T array, int size, int limit) {
    if (limit != Integer.MAX_VALUE) {
      throw NotSplittable.INSTANCE;
    }
    int n = Math.max(16, size * 2);
    @SuppressWarnings("unchecked")
    T c = (T) java.lang.reflect.Array.newInstance(array.getClass().getComponentType(), n);
    System.arraycopy(array, 0, c, 0, size);
    return c;
  }

  /** An empty trimmed cell, or R's {@code NA} or SAS's {@code .}: a missing value. */
  private static boolean missing(byte[] b, int s, int e) {
    return e == s || (e - s == 2 && b[s] == 'N' && b[s + 1] == 'A') || (e - s == 1 && b[s] == '.');
  }

  /**
   * A column kept as 64-bit FNV-1a hashes of its trimmed cells; empty and missing cells hash to
   * {@link DataTable#MISSING_HASH}.
   */
  private static final class HashColumn {
    private long[] data;
    private int size;
    private final int limit;

    HashColumn(int capacity) {
      data = new long[capacity];
      limit = Integer.MAX_VALUE;
    }

    /** Writes into {@code into} from {@code offset}, below {@code limit}. */
    HashColumn(long[] into, int offset, int limit) {
      data = into;
      size = offset;
      this.limit = limit;
    }

    void add(Parser p, int j) {
      byte[] b = p.rec;
      int s = p.trimmedStart(j);
      int e = p.trimmedEnd(j, s);
      long h;
      if (missing(b, s, e)) {
        h = DataTable.MISSING_HASH;
      } else {
        h = 0xcbf29ce484222325L;
        for (int i = s; i < e; i++) {
          h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        if (h == DataTable.MISSING_HASH) {
          h++;
        }
      }
      if (size == data.length || size == limit) {
        data = grow(data, size, limit);
      }
      data[size++] = h;
    }
  }

  /**
   * A column parsed straight to doubles: trimmed cells of digits with at most one point and at most
   * 15 significant digits (Clinger's fast path: the digits as an exact integer divided by an exact
   * power of ten, one correctly rounded operation, the same double as {@link Double#parseDouble});
   * any other cell throws {@link NotPlainNumber}.
   */
  private static final class NumberColumn extends Column {
    private double[] values;
    private int count;
    private final int limit;

    NumberColumn(int capacity) {
      super(0);
      values = new double[capacity];
      limit = Integer.MAX_VALUE;
    }

    /** Writes into {@code into} from {@code offset}, below {@code limit}. */
    NumberColumn(double[] into, int offset, int limit) {
      super(0);
      values = into;
      count = offset;
      this.limit = limit;
    }

    @Override
    void add(Parser p, int j) {
      byte[] b = p.rec;
      int s = p.trimmedStart(j);
      int e = p.trimmedEnd(j, s);
      long m = 0;
      int digits = 0;
      int point = -1;
      for (int i = s; i < e; i++) {
        int c = b[i] - '0';
        if (c >= 0 && c <= 9) {
          if (digits > 0 || c != 0) {
            digits++;
          }
          m = m * 10 + c;
        } else if (b[i] == '.' && point < 0) {
          point = i;
        } else {
          throw new NotPlainNumber();
        }
      }
      int decimals = point < 0 ? 0 : e - point - 1;
      if (digits > 15 || decimals > 22 || e - s == (point < 0 ? 0 : 1)) {
        throw new NotPlainNumber(); // empty, a lone point, too many digits
      }
      if (count == values.length || count == limit) {
        values = grow(values, count, limit);
      }
      values[count++] = decimals == 0 ? (double) m : m / Columns.POW10[decimals];
    }
  }

  /** Growable column of cells with bounded de-duplication of repeated values. */
  private static class Column {
    private String[] data;
    private int size;
    private HashMap<Key, String> pool = new HashMap<>();
    private final Key probe = new Key();
    // the first few distinct values, compared byte by byte before any hashing (arm, stratum)
    private final byte[][] fewBytes = new byte[FEW][];
    private final String[] fewValues = new String[FEW];
    private int few;

    private int limit = Integer.MAX_VALUE;

    Column(int capacity) {
      data = new String[capacity];
    }

    /** Writes into {@code into} from {@code offset}, below {@code limit}. */
    Column(String[] into, int offset, int limit) {
      data = into;
      size = offset;
      this.limit = limit;
    }

    void add(Parser p, int j) {
      byte[] b = p.rec;
      int s = p.trimmedStart(j);
      int e = p.trimmedEnd(j, s);
      String v = null;
      int len = e - s;
      for (int k = 0; k < few && v == null; k++) {
        byte[] c = fewBytes[k];
        if (c.length == len) {
          int i = 0;
          while (i < len && c[i] == b[s + i]) {
            i++;
          }
          if (i == len) {
            v = fewValues[k];
          }
        }
      }
      if (v != null) {
        // one of the first few values
      } else if (missing(b, s, e)) {
        v = "";
      } else if (pool != null) {
        probe.set(b, s, e);
        v = pool.get(probe);
        if (v == null) {
          v = p.decode(s, e);
          pool.put(new Key().copy(b, s, e), v);
          if (pool.size() <= FEW) {
            fewBytes[few] = Arrays.copyOfRange(b, s, e);
            fewValues[few++] = v;
          } else {
            few = 0; // many distinct values: the hash pool alone
          }
          if (pool.size() > DEDUP_LIMIT) {
            pool = null; // mostly distinct values (times): pooling would only cost time
          }
        }
      } else {
        v = p.decode(s, e);
      }
      if (size == data.length || size == limit) {
        data = grow(data, size, limit);
      }
      data[size++] = v;
    }
  }

  /** A byte range used as a hash key without copying (probe) or as an owned copy (entry). */
  private static final class Key {
    private byte[] b;
    private int s;
    private int e;
    private int hash;

    Key set(byte[] b, int s, int e) {
      this.b = b;
      this.s = s;
      this.e = e;
      int h = 1;
      for (int i = s; i < e; i++) {
        h = 31 * h + b[i];
      }
      hash = h;
      return this;
    }

    Key copy(byte[] src, int s, int e) {
      return set(Arrays.copyOfRange(src, s, e), 0, e - s);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(b, s, e, k.b, k.s, k.e);
    }
  }

  /**
   * Byte-level RFC 4180 record parser. Each call to {@link #next} copies one record's unquoted
   * field contents into {@link #rec} and records the field boundaries.
   */
  private static final class Parser {
    private final InputStream in;
    private final String name;
    private final byte[] buf;
    private int pos;
    private int lim;
    private byte delim;
    int line = 1;
    byte[] rec;
    private int recLen;
    private int[] ends = new int[16];
    int nfields;
    // array mode: fields are ranges of buf itself (no copy); starts[j] is where field j begins
    private final boolean array;
    private int[] starts = new int[16];

    Parser(InputStream in, String name) {
      this.in = in;
      this.name = name;
      this.buf = new byte[1 << 18];
      this.rec = new byte[256];
      this.array = false;
    }

    /**
     * A parser over {@code a[from, to)} for text without line ends inside quotes and without lone
     * CR line ends: fields are read in place; what it cannot read in place throws {@link
     * NotSplittable}.
     */
    Parser(byte[] a, int from, int to, String name) {
      this.in = null;
      this.name = name;
      this.buf = a;
      this.rec = a;
      this.pos = from;
      this.lim = to;
      this.array = true;
    }

    /**
     * An in-place parser of records only (the header was read elsewhere), from line {@code line}.
     */
    Parser(byte[] a, int from, int to, String name, byte delim, int line) {
      this(a, from, to, name);
      this.delim = delim;
      this.line = line;
    }

    private boolean fill() throws IOException {
      if (array) {
        return false;
      }
      int k = in.read(buf, 0, buf.length);
      pos = 0;
      lim = Math.max(k, 0);
      return k > 0;
    }

    /** Skips a BOM and detects the delimiter from the header line; false for an empty file. */
    boolean start() throws IOException {
      if (array ? pos >= lim : !fill()) {
        return false;
      }
      if (lim - pos >= 3
          && buf[pos] == (byte) 0xEF
          && buf[pos + 1] == (byte) 0xBB
          && buf[pos + 2] == (byte) 0xBF) {
        pos += 3;
      }
      int[] counts = new int[3];
      byte[] cands = {',', ';', '\t'};
      boolean q = false;
      for (int i = pos; i < lim; i++) {
        byte c = buf[i];
        if (c == '"') {
          q = !q;
        } else if (!q) {
          if (c == '\n' || c == '\r') {
            break;
          }
          for (int k = 0; k < 3; k++) {
            if (c == cands[k]) {
              counts[k]++;
            }
          }
        }
      }
      delim = ',';
      int best = counts[0];
      for (int k = 1; k < 3; k++) {
        if (counts[k] > best) {
          best = counts[k];
          delim = cands[k];
        }
      }
      return pos < lim;
    }

    private void put(byte c) {
      if (recLen == rec.length) {
        rec = Arrays.copyOf(rec, rec.length * 2);
      }
      rec[recLen++] = c;
    }

    private void endField() {
      if (nfields == ends.length) {
        ends = Arrays.copyOf(ends, Math.max(16, nfields * 2));
      }
      ends[nfields++] = recLen;
    }

    /**
     * Array mode: the next record, its fields located in place. A field may be quoted (the quote
     * first, no line end and no doubled quote inside, nothing but blanks after it: what R's
     * write.csv writes); a quote inside an unquoted field is literal, as in the stream parser.
     * Anything else quoted, or a CR not followed by LF, throws {@link NotSplittable} (the caller
     * then parses the file as a stream).
     */
    private boolean nextInPlace() {
      if (pos >= lim) {
        return false;
      }
      nfields = 0;
      byte[] b = buf;
      byte d = delim;
      int i = pos;
      int fs = i;
      int n = lim;
      while (true) {
        if (i == n) {
          field(fs, i);
          break;
        }
        byte c = b[i];
        if (c == d) {
          field(fs, i);
          fs = ++i;
        } else if (c == '\n') {
          field(fs, i);
          i++;
          break;
        } else if (c == '\r') {
          if (i + 1 < n && b[i + 1] == '\n') {
            field(fs, i);
            i += 2;
            break;
          }
          throw NotSplittable.INSTANCE;
        } else if (c == '"' && i == fs) {
          // a quoted field: its content in place, when it holds no line end and no doubled quote
          int q = i + 1;
          while (q < n && b[q] != '"') {
            if (b[q] == '\n' || b[q] == '\r') {
              throw NotSplittable.INSTANCE; // a line end inside quotes: the split may cut it
            }
            q++;
          }
          int after = q + 1;
          while (after < n && (b[after] == ' ' || b[after] == '\t')) {
            after++;
          }
          if (q >= n || (after < n && b[after] != d && b[after] != '\n' && b[after] != '\r')) {
            throw NotSplittable.INSTANCE; // unclosed, a doubled quote, or text after the quote
          }
          field(i + 1, q);
          if (after == n) {
            i = n;
            break;
          }
          if (b[after] == d) {
            fs = i = after + 1;
            continue;
          }
          if (b[after] == '\r' && (after + 1 >= n || b[after + 1] != '\n')) {
            throw NotSplittable.INSTANCE;
          }
          i = after + (b[after] == '\r' ? 2 : 1);
          break;
        } else if (c == '"') {
          // after text a quote is a literal character (as in the stream parser); after leading
          // blanks it would open a quoted field there: not read in place
          for (int k = fs; k < i; k++) {
            if (b[k] != ' ' && b[k] != '\t') {
              break;
            }
            if (k == i - 1) {
              throw NotSplittable.INSTANCE;
            }
          }
          i++;
        } else {
          i++;
        }
      }
      pos = i;
      line++;
      return true;
    }

    private void field(int from, int to) {
      if (nfields == ends.length) {
        ends = Arrays.copyOf(ends, nfields * 2);
        starts = Arrays.copyOf(starts, nfields * 2);
      }
      starts[nfields] = from;
      ends[nfields++] = to;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
      if (array) {
        return nextInPlace();
      }
      if (pos == lim && !fill()) {
        return false;
      }
      recLen = 0;
      nfields = 0;
      int startLine = line;
      boolean quoted = false;
      boolean fieldStart = true;
      while (true) {
        if (pos == lim && !fill()) {
          if (quoted) {
            throw new InputException(
                String.format(
                    "%s: line %d: a quoted field is not closed before the end of the file",
                    name, startLine));
          }
          endField();
          line++;
          return true;
        }
        byte c = buf[pos++];
        if (quoted) {
          if (c == '"') {
            if (pos == lim) {
              fill();
            }
            if (pos < lim && buf[pos] == '"') {
              pos++;
              put((byte) '"');
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            put(c);
          }
        } else if (c == delim) {
          endField();
          fieldStart = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r') {
            if (pos == lim) {
              fill();
            }
            if (pos < lim && buf[pos] == '\n') {
              pos++;
            }
          }
          endField();
          line++;
          return true;
        } else if (c == '"' && fieldStart) {
          quoted = true;
          fieldStart = false;
        } else {
          if (c != ' ' && c != '\t') {
            fieldStart = false;
          }
          put(c);
          if (!fieldStart) {
            // the rest of an unquoted field up to a delimiter or line end: one bulk copy (quotes
            // inside it are literal, as above)
            int j = pos;
            byte d = delim;
            while (j < lim) {
              byte x = buf[j];
              if (x == d || x == '\n' || x == '\r') {
                break;
              }
              j++;
            }
            int len = j - pos;
            if (len > 0) {
              if (recLen + len > rec.length) {
                rec = Arrays.copyOf(rec, Math.max(rec.length * 2, recLen + len));
              }
              System.arraycopy(buf, pos, rec, recLen, len);
              recLen += len;
              pos = j;
            }
          }
        }
      }
    }

    int start(int j) {
      return array ? starts[j] : j == 0 ? 0 : ends[j - 1];
    }

    int end(int j) {
      return ends[j];
    }

    /** Start of field {@code j} after leading blanks (spaces, tabs). */
    int trimmedStart(int j) {
      int s = start(j);
      int e = end(j);
      while (s < e && (rec[s] == ' ' || rec[s] == '\t')) {
        s++;
      }
      return s;
    }

    /** End of field {@code j} before trailing blanks, not before {@code s}. */
    int trimmedEnd(int j, int s) {
      int e = end(j);
      while (e > s && (rec[e - 1] == ' ' || rec[e - 1] == '\t')) {
        e--;
      }
      return e;
    }

    int fieldLength(int j) {
      return end(j) - start(j);
    }

    boolean blank(int j) {
      for (int i = start(j); i < end(j); i++) {
        if (rec[i] != ' ' && rec[i] != '\t') {
          return false;
        }
      }
      return true;
    }

    String string(int j) {
      return decode(start(j), end(j));
    }

    /** Decodes bytes as UTF-8; malformed input is an error naming the line. */
    String decode(int s, int e) {
      boolean ascii = true;
      for (int i = s; i < e; i++) {
        if (rec[i] < 0) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        return new String(rec, s, e - s, StandardCharsets.ISO_8859_1);
      }
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(rec, s, e - s))
            .toString();
      } catch (CharacterCodingException ex) {
        throw new InputException(
            String.format(
                "%s: line %d: not UTF-8 text (save the file as UTF-8 CSV)", name, line - 1));
      }
    }
  }
}
