package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
  @TempDir Path dir;

  private Path bigFile(String name, int shift) throws IOException {
    StringBuilder b = new StringBuilder("USUBJID,AVAL,CNSR\n");
    int i = 0;
    while (b.length() < CsvReader.PARALLEL_MIN_BYTES + 1000) {
      b.append('S').append(i).append(',').append(i % 1000 + shift).append(',').append(i % 2);
      b.append('\n');
      i++;
    }
    Path f = dir.resolve(name);
    Files.writeString(f, b, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void bytesReadAheadGiveTheSameTableAndAreUsedOnce() throws IOException {
    Path f = bigFile("big.csv", 0);
    DataTable plain = CsvReader.read(f, Set.of("AVAL"));
    ReadAhead.start(f);
    byte[] b = ReadAhead.take(f);
    assertArrayEquals(Files.readAllBytes(f), b);
    assertNull(ReadAhead.take(f), "used once");
    ReadAhead.start(f);
    DataTable ahead = CsvReader.read(f, Set.of("AVAL"));
    assertArrayEquals(plain.column("AVAL"), ahead.column("AVAL"));
    assertNull(ReadAhead.take(f), "the reader took them");
  }

  @Test
  void aChangedOrOtherFileIsNotServedFromTheReadAhead() throws IOException {
    Path f = bigFile("a.csv", 0);
    Path g = bigFile("b.csv", 0);
    ReadAhead.start(f);
    assertNull(ReadAhead.take(g), "another file");
    byte[] first = ReadAhead.take(f);
    assertEquals(Files.size(f), first.length);
    ReadAhead.start(f);
    // the file is rewritten (same size, later time) after the read-ahead began
    Path h = bigFile("c.csv", 1);
    Files.move(h, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertNull(ReadAhead.take(f));
    assertEquals("1", CsvReader.read(f, Set.of("AVAL")).column("AVAL")[0]);
    // small files and missing files are not read ahead
    Path small = dir.resolve("small.csv");
    Files.writeString(small, "A\n1\n");
    ReadAhead.start(small);
    assertNull(ReadAhead.take(small));
    ReadAhead.start(dir.resolve("missing.csv"));
    assertNull(ReadAhead.take(dir.resolve("missing.csv")));
  }
}
