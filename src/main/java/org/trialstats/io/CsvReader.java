package org.trialstats.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
 * <p>Only the columns asked for are kept, and repeated values of a column (arm names, censor codes)
 * share one String, so a million-row file needs little heap. Cells are trimmed; {@code NA} and
 * {@code .} (R's and SAS's missing) read as empty.
 */
public final class CsvReader {
  private static final int DEDUP_LIMIT = 4096;

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
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      return read(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16), name, wanted);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": file not found");
    } catch (CharacterCodingException e) {
      throw new InputException(name + ": not UTF-8 text (save the file as UTF-8 CSV)");
    } catch (IOException e) {
      throw new InputException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Reads from a reader; {@code name} is used in messages. */
  public static DataTable read(Reader reader, String name, Set<String> wanted) throws IOException {
    Parser p = new Parser(reader, name);
    List<String> header = p.record();
    if (header == null || (header.size() == 1 && header.get(0).isEmpty())) {
      throw new InputException(
          name + ": the file is empty (expected a header row of column names)");
    }
    if (!header.isEmpty() && !header.get(0).isEmpty() && header.get(0).charAt(0) == '\uFEFF') {
      header.set(0, header.get(0).substring(1));
    }
    int ncol = header.size();
    int[] keep = new int[ncol];
    int nkeep = 0;
    HashMap<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < ncol; j++) {
      String h = header.get(j).trim();
      header.set(j, h);
      if (h.isEmpty()) {
        h = "V" + (j + 1);
        header.set(j, h);
      }
      Integer prev = seen.put(h, j);
      if (prev != null) {
        throw new InputException(
            String.format(
                "%s: line 1: column name '%s' appears twice (columns %d and %d)",
                name, h, prev + 1, j + 1));
      }
      keep[j] = wanted == null || wanted.contains(h) ? nkeep++ : -1;
    }
    Column[] cols = new Column[nkeep];
    for (int j = 0; j < ncol; j++) {
      if (keep[j] >= 0) {
        cols[keep[j]] = new Column();
      }
    }
    int[] lines = new int[1024];
    int rows = 0;
    while (true) {
      int line = p.line;
      List<String> rec = p.record();
      if (rec == null) {
        break;
      }
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue; // blank line
      }
      if (rec.size() != ncol) {
        throw new InputException(
            String.format(
                "%s: row %d (line %d): expected %d fields as in the header, found %d",
                name, rows + 1, line, ncol, rec.size()));
      }
      for (int j = 0; j < ncol; j++) {
        if (keep[j] >= 0) {
          cols[keep[j]].add(rec.get(j));
        }
      }
      if (rows == lines.length) {
        lines = Arrays.copyOf(lines, rows * 2);
      }
      lines[rows++] = line;
    }
    LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
    for (int j = 0; j < ncol; j++) {
      if (keep[j] >= 0) {
        out.put(header.get(j), cols[keep[j]].toArray());
      }
    }
    return new DataTable(name, out, Arrays.copyOf(lines, rows));
  }

  /** Growable column of cells with bounded de-duplication of repeated values. */
  private static final class Column {
    private String[] data = new String[1024];
    private int size;
    private HashMap<String, String> pool = new HashMap<>();

    void add(String raw) {
      String v = raw.trim();
      if (v.equals("NA") || v.equals(".")) {
        v = "";
      }
      if (pool != null) {
        String shared = pool.putIfAbsent(v, v);
        if (shared != null) {
          v = shared;
        } else if (pool.size() > DEDUP_LIMIT) {
          pool = null; // mostly distinct values (times): pooling would only cost memory
        }
      }
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    String[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }

  /** Character-level RFC 4180 record parser with delimiter detection on the first record. */
  private static final class Parser {
    private final Reader in;
    private final String name;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private char delim;
    int line = 1;
    private final StringBuilder field = new StringBuilder();

    Parser(Reader in, String name) {
      this.in = in;
      this.name = name;
    }

    private int next() throws IOException {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return -1;
        }
      }
      return buf[pos++];
    }

    private int peek() throws IOException {
      if (pos == len) {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return -1;
        }
      }
      return buf[pos];
    }

    List<String> record() throws IOException {
      if (delim == 0) {
        return firstRecord();
      }
      int c = peek();
      if (c < 0) {
        return null;
      }
      List<String> rec = new ArrayList<>();
      int startLine = line;
      field.setLength(0);
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        c = next();
        if (c < 0) {
          if (quoted) {
            throw new InputException(
                String.format(
                    "%s: line %d: a quoted field is not closed before the end of the file",
                    name, startLine));
          }
          rec.add(field.toString());
          line++;
          return rec;
        }
        if (quoted) {
          if (c == '"') {
            if (peek() == '"') {
              next();
              field.append('"');
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append((char) c);
          }
        } else if (c == delim) {
          rec.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') {
            next();
          }
          rec.add(field.toString());
          line++;
          return rec;
        } else if (c == '"' && !wasQuoted && field.toString().isBlank()) {
          field.setLength(0);
          quoted = true;
          wasQuoted = true;
        } else {
          field.append((char) c);
        }
      }
    }

    /** Reads the header line raw, picks the delimiter, then splits it. */
    private List<String> firstRecord() throws IOException {
      StringBuilder raw = new StringBuilder();
      int c;
      boolean q = false;
      while ((c = next()) >= 0) {
        if (c == '"') {
          q = !q;
        }
        if (!q && (c == '\n' || c == '\r')) {
          if (c == '\r' && peek() == '\n') {
            next();
          }
          break;
        }
        raw.append((char) c);
      }
      if (c < 0 && raw.length() == 0) {
        return null;
      }
      int[] counts = new int[3];
      char[] cands = {',', ';', '\t'};
      q = false;
      for (int i = 0; i < raw.length(); i++) {
        char ch = raw.charAt(i);
        if (ch == '"') {
          q = !q;
        } else if (!q) {
          for (int k = 0; k < 3; k++) {
            if (ch == cands[k]) {
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
      line = 2;
      Parser sub = new Parser(new java.io.StringReader(raw.toString()), name);
      sub.delim = delim;
      List<String> rec = sub.record();
      return rec == null ? new ArrayList<>(List.of("")) : rec;
    }
  }
}
