package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ColumnsTest {
  private static DataTable parse(String text) throws IOException {
    return CsvReader.read(new StringReader(text), "adtte.csv", null);
  }

  @Test
  void textInTimeColumnNamesFileRowLineColumn() throws IOException {
    DataTable t = parse("USUBJID,AVAL,CNSR\nS1,10,0\nS2,ten,1\n");
    InputException e = assertThrows(InputException.class, () -> Columns.times(t, "AVAL"));
    assertEquals(
        "adtte.csv: row 2 (line 3), column AVAL: expected a non-negative time, found 'ten'",
        e.getMessage());
  }

  @Test
  void negativeAndMissingTimesAreErrors() throws IOException {
    assertThrows(InputException.class, () -> Columns.times(parse("AVAL\n-1\n"), "AVAL"));
    InputException e =
        assertThrows(InputException.class, () -> Columns.times(parse("AVAL,X\n,1\n"), "AVAL"));
    assertEquals(
        "adtte.csv: row 1 (line 2), column AVAL: expected a non-negative time, found an empty cell",
        e.getMessage());
  }

  @Test
  void censorCodesFollowAdamConvention() throws IOException {
    DataTable t = parse("CNSR\n0\n1\n2\n");
    assertArrayEquals(new boolean[] {true, false, false}, Columns.eventsFromCensor(t, "CNSR"));
    assertThrows(
        InputException.class, () -> Columns.eventsFromCensor(parse("CNSR\n0.5\n"), "CNSR"));
    assertThrows(InputException.class, () -> Columns.eventsFromCensor(parse("CNSR\n-1\n"), "CNSR"));
    assertArrayEquals(
        new boolean[] {true, false}, Columns.eventsFromEvent(parse("E\n1\n0\n"), "E"));
    assertThrows(InputException.class, () -> Columns.eventsFromEvent(parse("E\n2\n0\n"), "E"));
    // R's 1 = censored / 2 = event coding (lung) is recognised as R's Surv() does.
    assertArrayEquals(
        new boolean[] {false, true}, Columns.eventsFromEvent(parse("E\n1\n2\n"), "E"));
    // ... but a column of 1s alone is all events (R: status - 1 only when max(status) == 2).
    assertArrayEquals(new boolean[] {true, true}, Columns.eventsFromEvent(parse("E\n1\n1\n"), "E"));
  }

  /** The same table with every column read as numbers where the cells allow it. */
  private static DataTable parseNumeric(String text) throws IOException {
    return CsvReader.read(
        new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "adtte.csv",
        null,
        java.util.Set.of(),
        java.util.Set.of("AVAL", "CNSR", "E"));
  }

  /**
   * Columns read straight to numbers (large files) give the same arrays, and the same messages, as
   * the same columns read as text.
   */
  @Test
  void numericColumnsGiveTheSameValuesAndMessagesAsText() throws IOException {
    DataTable num = parseNumeric("AVAL,CNSR,E\n10,0,1\n2.5,1,2\n0,2,2\n");
    DataTable txt = parse("AVAL,CNSR,E\n10,0,1\n2.5,1,2\n0,2,2\n");
    assertTrue(num.hasNumbers("AVAL") && num.hasNumbers("CNSR") && num.hasNumbers("E"));
    assertArrayEquals(Columns.times(txt, "AVAL"), Columns.times(num, "AVAL"), 0);
    assertArrayEquals(Columns.eventsFromCensor(txt, "CNSR"), Columns.eventsFromCensor(num, "CNSR"));
    assertArrayEquals(Columns.eventsFromEvent(txt, "E"), Columns.eventsFromEvent(num, "E"));
    assertEquals(Columns.isOneTwoCoded(txt, "E"), Columns.isOneTwoCoded(num, "E"));
    for (String bad :
        new String[] {
          "CNSR\n0\n0.5\n", "E\n1\n3\n", "E\n0\n2\n", "AVAL\n1\n-1\n", "AVAL\n1\nNA\n"
        }) {
      String col = bad.substring(0, bad.indexOf('\n'));
      java.util.function.Function<DataTable, Object> check =
          t ->
              switch (col) {
                case "AVAL" -> Columns.times(t, col);
                case "CNSR" -> Columns.eventsFromCensor(t, col);
                default -> Columns.eventsFromEvent(t, col);
              };
      InputException a = assertThrows(InputException.class, () -> check.apply(parse(bad)));
      InputException b = assertThrows(InputException.class, () -> check.apply(parseNumeric(bad)));
      assertEquals(a.getMessage(), b.getMessage(), bad);
    }
  }

  @Test
  void groupingNeedsEnoughLevels() throws IOException {
    DataTable t = parse("ARM\nA\nA\n");
    InputException e = assertThrows(InputException.class, () -> Columns.groups(t, "ARM", 2));
    assertEquals(
        "adtte.csv: column ARM has 1 level (A); at least 2 are needed to compare groups",
        e.getMessage());
  }

  @Test
  void unknownColumnListsTheColumns() throws IOException {
    DataTable t = parse("USUBJID,AVAL\nS1,1\n");
    InputException e = assertThrows(InputException.class, () -> Columns.times(t, "TIME"));
    assertEquals("adtte.csv: no column 'TIME'; the columns are: USUBJID, AVAL", e.getMessage());
  }
}
