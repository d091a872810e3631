package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SasReaderTest {
  @TempDir Path dir;

  @Test
  void aFileThatIsNotSasIsNamedAsSuch() throws IOException {
    Path f = dir.resolve("adtte.sas7bdat");
    Files.writeString(f, "this is not a SAS dataset ".repeat(50));
    InputException e = assertThrows(InputException.class, () -> DataLoader.read(f, null));
    assertEquals(
        f + ": not a readable SAS dataset (no .sas7bdat header or no columns found)",
        e.getMessage());
  }

  @Test
  void missingSasFileIsNotFound() {
    Path f = dir.resolve("none.sas7bdat");
    InputException e = assertThrows(InputException.class, () -> DataLoader.read(f, null));
    assertEquals(f + ": file not found", e.getMessage());
  }

  /**
   * A .sas7bdat written by R haven (src/test/resources/sas7bdat/generate.R): Parso reads only part
   * of its column metadata; the message says so and what to do, instead of an index error.
   */
  @Test
  void aHavenWrittenFileIsRefusedWithAClearMessage() {
    Path f = Path.of("src/test/resources/sas7bdat/haven-written.sas7bdat");
    InputException e = assertThrows(InputException.class, () -> DataLoader.read(f, null));
    assertTrue(
        e.getMessage()
            .startsWith(f + ": the column descriptions of this SAS dataset cannot be read"),
        e.getMessage());
    assertTrue(e.getMessage().contains("of 5 columns"), e.getMessage());
    assertTrue(e.getMessage().endsWith("save the data as CSV instead"), e.getMessage());
  }
}
