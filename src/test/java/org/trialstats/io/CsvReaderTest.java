package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  private static DataTable parse(String text) throws IOException {
    return CsvReader.read(new StringReader(text), "t.csv", null);
  }

  @Test
  void readsCommaSeparatedWithQuotes() throws IOException {
    DataTable t = parse("ID,ARM,AVAL\n1,\"A, low\",3.5\n2,\"say \"\"hi\"\"\",4\n");
    assertEquals(List.of("ID", "ARM", "AVAL"), t.columnNames());
    assertEquals(2, t.rowCount());
    assertArrayEquals(new String[] {"A, low", "say \"hi\""}, t.column("ARM"));
    assertArrayEquals(new String[] {"3.5", "4"}, t.column("AVAL"));
  }

  @Test
  void detectsSemicolonAndTab() throws IOException {
    assertArrayEquals(new String[] {"1,5"}, parse("A;B\nx;1,5\n").column("B"));
    assertArrayEquals(new String[] {"y"}, parse("A\tB\nx\ty\n").column("B"));
  }

  @Test
  void quotedFieldMaySpanLinesAndLineNumbersFollow() throws IOException {
    DataTable t = parse("A,B\n1,\"two\nlines\"\n3,x\n");
    assertEquals("two\nlines", t.cell(0, "B"));
    assertEquals(2, t.line(0));
    assertEquals(4, t.line(1));
  }

  @Test
  void stripsBomAndReadsMissingCodesAsEmpty() throws IOException {
    Path f = dir.resolve("bom.csv");
    Files.write(
        f, "\uFEFFUSUBJID,AVAL\r\nS1,NA\r\nS2,.\r\nS3, 7 \r\n".getBytes(StandardCharsets.UTF_8));
    DataTable t = CsvReader.read(f);
    assertEquals("USUBJID", t.columnNames().get(0));
    assertArrayEquals(new String[] {"", "", "7"}, t.column("AVAL"));
  }

  @Test
  void keepsOnlyWantedColumns() throws IOException {
    DataTable t = CsvReader.read(new StringReader("A,B,C\n1,2,3\n"), "t", Set.of("C"));
    assertEquals(List.of("C"), t.columnNames());
    assertFalse(t.has("A"));
    InputException e = assertThrows(InputException.class, () -> t.column("D"));
    assertEquals("t: no column 'D'; the columns are: A, B, C", e.getMessage());
  }

  @Test
  void raggedRowNamesRowAndLine() {
    InputException e = assertThrows(InputException.class, () -> parse("A,B\n1,2\n\n3\n"));
    assertTrue(e.getMessage().contains("t.csv: row 2 (line 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("expected 2 fields"), e.getMessage());
  }

  @Test
  void emptyFileAndDuplicateHeaderAreErrors() {
    assertTrue(assertThrows(InputException.class, () -> parse("")).getMessage().contains("empty"));
    InputException e = assertThrows(InputException.class, () -> parse("A,B,A\n1,2,3\n"));
    assertTrue(e.getMessage().contains("'A' appears twice"), e.getMessage());
  }

  @Test
  void unclosedQuoteIsAnError() {
    InputException e = assertThrows(InputException.class, () -> parse("A,B\n1,\"open\n"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void missingFileAndNonUtf8AreErrors() throws IOException {
    InputException e =
        assertThrows(InputException.class, () -> CsvReader.read(dir.resolve("nope.csv")));
    assertTrue(e.getMessage().endsWith("file not found"), e.getMessage());
    Path latin = dir.resolve("latin.csv");
    Files.write(latin, new byte[] {'A', '\n', (byte) 0xE9, '\n'});
    e = assertThrows(InputException.class, () -> CsvReader.read(latin));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void hashedColumnsKeepEqualityWithoutText() throws IOException {
    DataTable t =
        CsvReader.read(
            new java.io.ByteArrayInputStream(
                "ID,AVAL\nS1,1\n S2 ,2\nS1,3\nNA,4\n,5\n".getBytes(StandardCharsets.UTF_8)),
            "t",
            Set.of("AVAL"),
            Set.of("ID"));
    assertFalse(t.has("ID"));
    long[] h = t.hashes("ID");
    assertEquals(h[0], h[2]);
    assertTrue(h[0] != h[1]);
    assertEquals(DataTable.MISSING_HASH, h[3]);
    assertEquals(DataTable.MISSING_HASH, h[4]);
    // a column that is also wanted stays text
    DataTable both =
        CsvReader.read(
            new java.io.ByteArrayInputStream("ID\nS1\n".getBytes(StandardCharsets.UTF_8)),
            "t",
            Set.of("ID"),
            Set.of("ID"));
    assertEquals("S1", both.cell(0, "ID"));
    assertFalse(both.hasHashes("ID"));
    // rows() and select() carry the hashes along
    assertEquals(h[2], t.rows(new int[] {2}).hashes("ID")[0]);
  }

  @Test
  void hashedColumnsAreTheSameInTheParallelHalves() {
    StringBuilder b = new StringBuilder("ID,AVAL\n");
    for (int i = 0; i < 2000; i++) {
      b.append("S").append(i % 1500).append(',').append(i).append('\n');
    }
    byte[] all = b.toString().getBytes(StandardCharsets.UTF_8);
    DataTable par = CsvReader.readInHalves(all, "t", Set.of("AVAL"), Set.of("ID"), Set.of());
    assertTrue(par != null);
    DataTable seq;
    try {
      seq =
          CsvReader.read(new java.io.ByteArrayInputStream(all), "t", Set.of("AVAL"), Set.of("ID"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertArrayEquals(seq.hashes("ID"), par.hashes("ID"));
    assertArrayEquals(seq.column("AVAL"), par.column("AVAL"));
  }

  private static DataTable readNumeric(String text, Set<String> wanted, Set<String> numeric) {
    try {
      return CsvReader.read(
          new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          "t",
          wanted,
          Set.of(),
          numeric);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void plainDecimalColumnsAreReadAsNumbersAndShownInPlainForm() {
    DataTable t =
        readNumeric(
            "ID,AVAL,CNSR\nS1,20.75,0\nS2, 3 ,1\nS3,0.5,0\nS4,007,1\nS5,1.50,0\nS6,0,1\n"
                + "S7,123456789012345,0\n",
            null,
            Set.of("AVAL", "CNSR"));
    assertTrue(t.hasNumbers("AVAL") && t.hasNumbers("CNSR"));
    assertFalse(t.hasNumbers("ID"));
    assertEquals(List.of("ID", "AVAL", "CNSR"), t.columnNames());
    assertArrayEquals(
        new double[] {20.75, 3, 0.5, 7, 1.5, 0, 123456789012345.0}, t.numbers("AVAL"), 0);
    assertArrayEquals(
        new String[] {"20.75", "3", "0.5", "7", "1.5", "0", "123456789012345"}, t.column("AVAL"));
    // rows(), select() and withColumns() keep the numbers
    DataTable r = t.rows(new int[] {4, 0});
    assertArrayEquals(new double[] {1.5, 20.75}, r.numbers("AVAL"), 0);
    assertArrayEquals(new String[] {"S5", "S1"}, r.column("ID"));
    DataTable w = t.withColumns(java.util.Map.of("AGE", new String[7]));
    assertTrue(w.hasNumbers("CNSR"));
    assertEquals(List.of("ID", "AVAL", "CNSR", "AGE"), w.columnNames());
  }

  @Test
  void plainNumbersParseToTheSameDoubleAsParseDouble() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    StringBuilder b = new StringBuilder("X\n");
    List<String> cells = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      int digits = 1 + rng.nextInt(15);
      StringBuilder c = new StringBuilder();
      for (int k = 0; k < digits; k++) {
        c.append((char) ('0' + rng.nextInt(10)));
      }
      int point = rng.nextInt(digits + 1);
      if (point < digits) {
        c.insert(point, '.');
      }
      if (c.charAt(0) == '.') {
        c.insert(0, '0');
      }
      cells.add(c.toString());
      b.append(c).append('\n');
    }
    DataTable t = readNumeric(b.toString(), null, Set.of("X"));
    assertTrue(t.hasNumbers("X"));
    for (int i = 0; i < cells.size(); i++) {
      double want = Double.parseDouble(cells.get(i));
      assertEquals(want, t.numbers("X")[i], 0, cells.get(i));
      // the plain text form reads back as the same number
      assertEquals(want, Double.parseDouble(t.column("X")[i]), 0, cells.get(i));
    }
  }

  @Test
  void aColumnWithAnyOtherCellStaysText() {
    for (String odd :
        new String[] {"-1", "+1", "1e3", "", "NA", ".", "1.2.3", "x", "1234567890123456"}) {
      String text = "ID,AVAL\nS1,2.5\nS2," + odd + "\nS3,4\n";
      DataTable t = readNumeric(text, null, Set.of("AVAL"));
      assertFalse(t.hasNumbers("AVAL"), odd);
      assertEquals(odd.equals("NA") || odd.equals(".") ? "" : odd, t.column("AVAL")[1], odd);
      assertEquals("2.5", t.column("AVAL")[0]);
    }
  }

  @Test
  void numericColumnsAreTheSameInTheParallelHalves() throws IOException {
    StringBuilder b = new StringBuilder("ID,AVAL,CNSR\n");
    for (int i = 0; i < 2000; i++) {
      b.append('S')
          .append(i)
          .append(',')
          .append(i / 7.0 == (int) (i / 7.0) ? i / 7 : i % 97 + 0.25);
      b.append(',').append(i % 2).append('\n');
    }
    byte[] all = b.toString().getBytes(StandardCharsets.UTF_8);
    DataTable par = CsvReader.readInHalves(all, "t", null, Set.of(), Set.of("AVAL", "CNSR"));
    DataTable seq = readNumeric(b.toString(), null, Set.of("AVAL", "CNSR"));
    assertTrue(par.hasNumbers("AVAL") && seq.hasNumbers("AVAL"));
    assertArrayEquals(seq.numbers("AVAL"), par.numbers("AVAL"), 0);
    assertArrayEquals(seq.numbers("CNSR"), par.numbers("CNSR"), 0);
    assertArrayEquals(seq.column("ID"), par.column("ID"));
    // an odd cell in the second half only: both halves fall back to text
    byte[] odd = (b + "S9999,-3,0\n").getBytes(StandardCharsets.UTF_8);
    assertThrows(
        RuntimeException.class,
        () -> CsvReader.readInHalves(odd, "t", null, Set.of(), Set.of("AVAL")));
    Path f = dir.resolve("odd.csv");
    Files.write(f, odd);
    DataTable text = CsvReader.read(f, null, Set.of(), Set.of("AVAL"));
    assertFalse(text.hasNumbers("AVAL"));
    assertTrue(text.hasNumbers("CNSR") == false && text.column("AVAL")[2000].equals("-3"));
  }

  /**
   * The split parse writes both halves into shared arrays sized by line counts: blank lines, CRLF
   * line ends and a last line without a line end must give exactly the sequential table.
   */
  @Test
  void splitParseEqualsTheSequentialParseWithBlankLinesAndLineEnds() throws IOException {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    for (int trial = 0; trial < 24; trial++) {
      String eol = trial % 2 == 0 ? "\n" : "\r\n";
      StringBuilder b = new StringBuilder("ID,ARM,AVAL,CNSR" + eol);
      int rows = 500 + rng.nextInt(1500);
      for (int i = 0; i < rows; i++) {
        if (trial % 3 == 0 && rng.nextInt(40) == 0) {
          b.append(eol); // a blank line
        }
        b.append('S').append(i).append(',').append(rng.nextBoolean() ? "A" : "B").append(',');
        b.append(rng.nextInt(5000) / 100.0).append(',').append(rng.nextInt(2));
        if (i < rows - 1 || trial % 4 != 1) {
          b.append(eol); // trial % 4 == 1: the last line has no line end
        }
      }
      byte[] all = b.toString().getBytes(StandardCharsets.UTF_8);
      for (Set<String> numeric : List.of(Set.<String>of(), Set.of("AVAL", "CNSR"))) {
        DataTable par =
            CsvReader.readInHalves(all, "t", Set.of("ARM", "AVAL", "CNSR"), Set.of("ID"), numeric);
        DataTable seq =
            CsvReader.read(
                new java.io.ByteArrayInputStream(all),
                "t",
                Set.of("ARM", "AVAL", "CNSR"),
                Set.of("ID"),
                numeric);
        String what = "trial " + trial + " numeric " + numeric;
        assertTrue(par != null, what);
        assertEquals(seq.rowCount(), par.rowCount(), what);
        for (String c : List.of("ARM", "AVAL", "CNSR")) {
          assertArrayEquals(seq.column(c), par.column(c), what + " " + c);
          assertEquals(seq.hasNumbers(c), par.hasNumbers(c), what + " " + c);
        }
        assertArrayEquals(seq.hashes("ID"), par.hashes("ID"), what);
        for (int i = 0; i < seq.rowCount(); i++) {
          assertEquals(seq.line(i), par.line(i), what + " line of row " + i);
        }
      }
    }
  }
}
