package org.trialstats.io;

import com.epam.parso.Column;
import com.epam.parso.SasFileReader;
import com.epam.parso.impl.SasFileReaderImpl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a SAS {@code .sas7bdat} dataset (via Parso) into a {@link DataTable}: numbers as their
 * shortest decimal text, SAS dates as ISO {@code yyyy-MM-dd}, missing values as empty cells.
 */
public final class SasReader {
  private SasReader() {}

  public static DataTable read(Path file, Set<String> wanted) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      SasFileReader r = new SasFileReaderImpl(in);
      List<Column> cols = r.getColumns();
      if (cols == null || cols.isEmpty()) {
        throw new InputException(
            name + ": not a readable SAS dataset (no .sas7bdat header or no columns found)");
      }
      long stated = r.getSasFileProperties().getColumnsCount();
      if (cols.size() < stated) {
        throw new InputException(
            String.format(
                "%s: the column descriptions of this SAS dataset cannot be read (%d of %d"
                    + " columns); files written outside SAS (e.g. by R haven's write_sas) are"
                    + " often not valid SAS datasets: save the data as CSV instead",
                name, cols.size(), stated));
      }
      long n = r.getSasFileProperties().getRowCount();
      if (n > Integer.MAX_VALUE) {
        throw new InputException(name + ": too many rows");
      }
      int rows = (int) n;
      LinkedHashMap<String, String[]> out = new LinkedHashMap<>();
      List<String> all = new java.util.ArrayList<>();
      int[] idx = new int[cols.size()];
      int k = 0;
      for (int j = 0; j < cols.size(); j++) {
        String cn = cols.get(j).getName().trim();
        all.add(cn);
        if (wanted == null || wanted.contains(cn)) {
          out.put(cn, new String[rows]);
          idx[k++] = j;
        }
      }
      String[][] dst = out.values().toArray(new String[0][]);
      for (int i = 0; i < rows; i++) {
        Object[] row = r.readNext();
        if (row == null) {
          throw new InputException(name + ": the file ends before its stated row count");
        }
        for (int m = 0; m < k; m++) {
          dst[m][i] = text(row[idx[m]]);
        }
      }
      return new DataTable(name, out, null, all);
    } catch (NoSuchFileException e) {
      throw new InputException(name + ": file not found");
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      throw new InputException(name + ": not a readable SAS dataset: " + e.getMessage(), e);
    }
  }

  private static String text(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof Date d) {
      return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
    if (o instanceof Number num) {
      double v = num.doubleValue();
      if (Double.isNaN(v)) {
        return "";
      }
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
    return o.toString().trim();
  }
}
