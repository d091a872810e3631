package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bulk copy of unquoted field runs: cells that straddle the 256 KiB read buffer, CRLF and LF
 * line ends, literal quotes inside unquoted fields, quoted fields after leading blanks.
 */
class CsvReaderBulkTest {
  @Test
  void cellsAcrossBufferBoundariesAndMixedLineEndsReadExactly() throws IOException {
    SplittableRandom rng = new SplittableRandom(3);
    int rows = 40_000; // about 1.3 MB: several buffer refills at arbitrary offsets
    String[][] want = new String[rows][3];
    StringBuilder b = new StringBuilder("ID,TXT,AVAL\r\n");
    for (int i = 0; i < rows; i++) {
      want[i][0] = "S" + i;
      int kind = rng.nextInt(4);
      String raw;
      switch (kind) {
        case 0 -> {
          want[i][1] = "ab\"c" + i; // literal quote inside an unquoted field
          raw = want[i][1];
        }
        case 1 -> {
          want[i][1] = "x, \"y\"";
          raw = "  \"x, \"\"y\"\"\""; // quoted after blanks (trimmed)
        }
        case 2 -> {
          want[i][1] = "word".repeat(rng.nextInt(1, 20));
          raw = want[i][1];
        }
        default -> {
          want[i][1] = "";
          raw = "";
        }
      }
      want[i][2] = String.valueOf(rng.nextInt(100_000) / 100.0);
      b.append(want[i][0]).append(',').append(raw).append(',').append(want[i][2]);
      b.append(rng.nextBoolean() ? "\n" : "\r\n");
    }
    DataTable t =
        CsvReader.read(
            new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), "mem", null);
    assertEquals(rows, t.rowCount());
    for (int i = 0; i < rows; i++) {
      assertEquals(want[i][0], t.cell(i, "ID"), "row " + i);
      assertEquals(want[i][1], t.cell(i, "TXT"), "row " + i);
      assertEquals(want[i][2], t.cell(i, "AVAL"), "row " + i);
    }
  }
}
