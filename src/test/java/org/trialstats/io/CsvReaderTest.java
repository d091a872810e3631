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
    DataTable par = CsvReader.readInHalves(all, "t", Set.of("AVAL"), Set.of("ID"));
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
}
