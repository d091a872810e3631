package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void failedWriteLeavesPreviousFileAndNoTemp() throws IOException {
    Path f = dir.resolve("out.csv");
    AtomicFiles.writeText(f, w -> w.write("old\n"));
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFiles.writeText(
                f,
                w -> {
                  w.write("half");
                  throw new IllegalStateException("boom");
                }));
    assertEquals("old\n", Files.readString(f));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void failedDirectoryBuildKeepsPreviousReport() throws IOException {
    Path r = dir.resolve("report");
    AtomicFiles.replaceDirectory(r, d -> Files.writeString(d.resolve("index.html"), "v1"));
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFiles.replaceDirectory(
                r,
                d -> {
                  Files.writeString(d.resolve("index.html"), "broken");
                  throw new IllegalStateException("boom");
                }));
    assertEquals("v1", Files.readString(r.resolve("index.html")));
    AtomicFiles.replaceDirectory(r, d -> Files.writeString(d.resolve("index.html"), "v2"));
    assertEquals("v2", Files.readString(r.resolve("index.html")));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void outputsAreReadableByOthersNotPrivateLikeTempFiles() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path f = dir.resolve("out.csv");
    AtomicFiles.writeText(f, w -> w.write("x\n"));
    assertEquals("rw-r--r--", perms(f));
    Path r = dir.resolve("report");
    AtomicFiles.replaceDirectory(r, d -> Files.writeString(d.resolve("index.html"), "v1"));
    assertEquals("rwxr-xr-x", perms(r));
    Files.setPosixFilePermissions(
        f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.writeText(f, w -> w.write("y\n"));
    assertEquals("rw-rw----", perms(f));
  }

  private static String perms(Path p) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
