package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large files are parsed in two halves in parallel: the table (cells, rows, line numbers) equals
 * the sequential parse; files that do not qualify and input errors take the sequential path.
 */
class CsvReaderHalvesTest {
  @TempDir Path tmp;

  static String data(int rows) {
    StringBuilder b = new StringBuilder("USUBJID,ARM,AVAL,CNSR\r\n");
    for (int i = 0; i < rows; i++) {
      b.append("S").append(i).append(',').append(i % 3 == 0 ? "A" : "B").append(',');
      b.append(i % 1000 / 10.0).append(',').append(i % 2).append(i % 5 == 0 ? "\r\n" : "\n");
      if (i % 777 == 0) {
        b.append("\n"); // blank lines are skipped but counted in line numbers
      }
    }
    return b.toString();
  }

  static void assertSameTable(DataTable want, DataTable got) {
    assertEquals(want.rowCount(), got.rowCount());
    assertEquals(want.columnNames(), got.columnNames());
    for (String c : want.columnNames()) {
      assertArrayEquals(want.column(c), got.column(c), c);
    }
    for (int i = 0; i < want.rowCount(); i++) {
      assertEquals(want.line(i), got.line(i), "line of row " + i);
    }
  }

  @Test
  void halvesEqualTheSequentialParse() throws IOException {
    for (int rows : new int[] {2, 3, 10, 5000}) {
      byte[] b = data(rows).getBytes(StandardCharsets.UTF_8);
      for (Set<String> wanted : java.util.Arrays.asList(null, Set.of("AVAL", "ARM"))) {
        DataTable seq = CsvReader.read(new ByteArrayInputStream(b), "f", wanted);
        DataTable par = CsvReader.readInHalves(b, "f", wanted);
        assertNotNull(par, "rows " + rows);
        assertSameTable(seq, par);
      }
    }
  }

  @Test
  void lineEndsInQuotesLoneCarriageReturnsAndErrorsAreLeftToTheSequentialParse() {
    byte[] quoted = ("A,B\n" + "1,\"x\ny\"\n".repeat(50)).getBytes(StandardCharsets.UTF_8);
    assertNull(CsvReader.readInHalves(quoted, "f", null));
    byte[] cr = ("A,B\r" + "1,2\r".repeat(50)).getBytes(StandardCharsets.UTF_8);
    assertNull(CsvReader.readInHalves(cr, "f", null));
    byte[] ragged = (data(100) + "1,2\n").getBytes(StandardCharsets.UTF_8);
    assertNull(CsvReader.readInHalves(ragged, "f", null));
  }

  /** R's write.csv quotes every text field: such files are split too, with identical cells. */
  @Test
  void quotedFieldsWithoutLineEndsAreSplitToo() throws IOException {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    String[] texts = {"A", "B, low", "", "NA", " padded ", "x'y", "dose 5 mg"};
    StringBuilder b = new StringBuilder("\"USUBJID\",\"ARM\",\"AVAL\",\"NOTE\"\n");
    for (int i = 0; i < 4000; i++) {
      b.append('"').append("S").append(i).append("\",");
      b.append('"').append(texts[rng.nextInt(texts.length)]).append('"');
      b.append(rng.nextInt(10) == 0 ? "  ," : ","); // blanks after the closing quote
      b.append(rng.nextInt(20) == 0 ? "NA" : Double.toString(rng.nextInt(9000) / 100.0));
      b.append(',').append(rng.nextInt(15) == 0 ? "ab\"c" : "\"ok\"");
      b.append(i % 7 == 0 ? "\r\n" : "\n");
      if (i % 500 == 0) {
        b.append("\"\"\n"); // a line holding only "" is blank, as in the stream parser
      }
    }
    byte[] all = b.toString().getBytes(StandardCharsets.UTF_8);
    DataTable seq = CsvReader.read(new ByteArrayInputStream(all), "f", null);
    DataTable par = CsvReader.readInHalves(all, "f", null);
    assertNotNull(par);
    assertSameTable(seq, par);
    assertTrue(java.util.Arrays.asList(par.column("ARM")).contains("B, low"));
    // what cannot be read in place leaves the file to the stream parser
    for (String odd : new String[] {"\"a\"\"b\"", "  \"a\"", "\"a\"b", "\"a\nb\""}) {
      StringBuilder o = new StringBuilder("A,B\n");
      for (int i = 0; i < 100; i++) {
        o.append(i).append(',').append(i == 70 ? odd : "x").append('\n');
      }
      byte[] ob = o.toString().getBytes(StandardCharsets.UTF_8);
      assertNull(CsvReader.readInHalves(ob, "f", null), odd);
    }
  }

  @Test
  void largeFileErrorNamesTheSameRowAndLineAsSequential() throws IOException {
    String text = data(300_000);
    assertTrue(text.length() > CsvReader.PARALLEL_MIN_BYTES);
    Path ok = tmp.resolve("ok.csv");
    Files.writeString(ok, text);
    assertSameTable(
        CsvReader.read(new ByteArrayInputStream(Files.readAllBytes(ok)), ok.toString(), null),
        CsvReader.read(ok, null));
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, text + "S1,A\n" + "S2,A,1,0\n");
    InputException seq =
        assertThrows(
            InputException.class,
            () ->
                CsvReader.read(
                    new ByteArrayInputStream(Files.readAllBytes(bad)), bad.toString(), null));
    InputException par = assertThrows(InputException.class, () -> CsvReader.read(bad, null));
    assertEquals(seq.getMessage(), par.getMessage());
    assertTrue(par.getMessage().contains("row 300001"), par.getMessage());
  }
}
