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
}
