package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void whereFiltersAndOrsWithinAColumn() throws IOException {
    Path d = write("adtte.csv", "USUBJID,PARAMCD,AVAL\nS1,PFS,1\nS1,OS,2\nS2,PFS,3\nS3,DOR,4\n");
    DataTable t = DataLoader.load(d, List.of("PARAMCD=PFS"), null, "USUBJID", null);
    assertArrayEquals(new String[] {"1", "3"}, t.column("AVAL"));
    assertArrayEquals(new int[] {2, 4}, new int[] {t.line(0), t.line(1)});
    t = DataLoader.load(d, List.of("PARAMCD=PFS", "PARAMCD=DOR"), null, "USUBJID", null);
    assertEquals(3, t.rowCount());
  }

  @Test
  void whereWithNoMatchListsTheValues() throws IOException {
    Path d = write("adtte.csv", "USUBJID,PARAMCD,AVAL\nS1,PFS,1\n");
    InputException e =
        assertThrows(
            InputException.class,
            () -> DataLoader.load(d, List.of("PARAMCD=OS"), null, "USUBJID", null));
    assertTrue(e.getMessage().contains("values there: PFS"), e.getMessage());
    assertThrows(
        InputException.class, () -> DataLoader.load(d, List.of("PARAMCD"), null, "USUBJID", null));
  }

  @Test
  void joinsAdslAndFiltersOnItsColumns() throws IOException {
    Path d = write("adtte.csv", "USUBJID,AVAL\nS1,1\nS2,2\nS3,3\n");
    Path a = write("adsl.csv", "USUBJID,ARM,SAFFL\nS1,A,Y\nS2,B,N\nS3,B,Y\n");
    DataTable t = DataLoader.load(d, List.of("SAFFL=Y"), a, "USUBJID", Set.of("AVAL", "ARM"));
    assertArrayEquals(new String[] {"A", "B"}, t.column("ARM"));
    assertArrayEquals(new String[] {"1", "3"}, t.column("AVAL"));
  }

  @Test
  void adslWithDuplicateSubjectsIsAnError() throws IOException {
    Path d = write("adtte.csv", "USUBJID,AVAL\nS1,1\n");
    Path a = write("adsl.csv", "USUBJID,ARM\nS1,A\nS1,B\n");
    InputException e =
        assertThrows(InputException.class, () -> DataLoader.load(d, List.of(), a, "USUBJID", null));
    assertTrue(e.getMessage().contains("one row per subject"), e.getMessage());
    assertTrue(e.getMessage().contains("S1 (line 3)"), e.getMessage());
  }

  @Test
  void subjectMissingFromAdslIsNamed() throws IOException {
    Path d = write("adtte.csv", "USUBJID,AVAL\nS1,1\nS9,2\n");
    Path a = write("adsl.csv", "USUBJID,ARM\nS1,A\n");
    InputException e =
        assertThrows(InputException.class, () -> DataLoader.load(d, List.of(), a, "USUBJID", null));
    assertTrue(e.getMessage().contains("row 2 (line 3), column USUBJID"), e.getMessage());
    assertTrue(e.getMessage().contains("'S9'"), e.getMessage());
  }

  /** A bad cell of a column joined from ADSL is reported in ADSL's file, row and line. */
  @Test
  void badCellsOfJoinedColumnsNameTheAdslFileRowAndLine() throws IOException {
    Path d = write("adtte.csv", "USUBJID,AVAL\nS1,1\nS2,2\nS3,x\nS4,4\n");
    Path a =
        write("adsl.csv", "USUBJID,ARM,AGE,SAFFL\nS4,B,70,Y\nS3,A,61,Y\n\nS2,B,old,Y\nS1,,55,N\n");
    DataTable t =
        DataLoader.load(d, List.of("SAFFL=Y"), a, "USUBJID", Set.of("AVAL", "ARM", "AGE"));
    // S2 is row 3 of the filtered table; its AGE is on data row 3, line 5, of adsl.csv
    InputException e =
        assertThrows(InputException.class, () -> Columns.numbers(t, "AGE", "an age"));
    assertEquals(a + ": row 3 (line 5), column AGE: expected an age, found 'old'", e.getMessage());
    // columns of the data file still name the data file
    e = assertThrows(InputException.class, () -> Columns.times(t, "AVAL"));
    assertTrue(e.getMessage().startsWith(d + ": row 3 (line 4), column AVAL"), e.getMessage());
    // without the filter, S1's empty ARM is on line 6 of adsl.csv
    DataTable all = DataLoader.load(d, List.of(), a, "USUBJID", Set.of("AVAL", "ARM"));
    e = assertThrows(InputException.class, () -> Columns.groups(all, "ARM", 2));
    assertTrue(e.getMessage().startsWith(a + ": row 4 (line 6), column ARM"), e.getMessage());
    assertEquals(a.toString(), all.source("ARM"));
    assertEquals(d.toString(), all.source("AVAL"));
    // column-level messages name the file the column comes from too
    Path one = write("adsl1.csv", "USUBJID,ARM\nS1,A\nS2,A\nS3,A\nS4,A\n");
    DataTable single = DataLoader.load(d, List.of(), one, "USUBJID", Set.of("AVAL", "ARM"));
    e = assertThrows(InputException.class, () -> Columns.groups(single, "ARM", 2));
    assertTrue(e.getMessage().startsWith(one + ": column ARM has 1 level (A)"), e.getMessage());
  }
}
