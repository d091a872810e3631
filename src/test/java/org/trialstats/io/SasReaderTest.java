package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
