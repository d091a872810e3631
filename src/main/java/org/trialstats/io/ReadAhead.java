package org.trialstats.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Reads a large input file in a background thread while the command line is still being set up
 * (starting the JVM and building the picocli model take about 0.15 s), so that {@link CsvReader}
 * finds its bytes ready. Only files from {@link CsvReader#PARALLEL_MIN_BYTES} on are read ahead;
 * the bytes are used once, and only if the file is still the same (path, size, modification time).
 * A read that fails is simply not used: the reader then reads the file itself and reports any
 * error.
 */
public final class ReadAhead {
  private static volatile Pending pending;

  private record Pending(Path path, long size, FileTime modified, Thread thread, byte[][] bytes) {}

  private ReadAhead() {}

  /** Starts reading {@code file} when it is a large regular file (not a SAS file); else nothing. */
  public static void start(Path file) {
    try {
      if (!Files.isRegularFile(file)
          || file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".sas7bdat")
          || Files.size(file) < CsvReader.PARALLEL_MIN_BYTES) {
        return;
      }
      Path p = file.toAbsolutePath().normalize();
      long size = Files.size(p);
      FileTime modified = Files.getLastModifiedTime(p);
      byte[][] out = new byte[1][];
      Thread t =
          new Thread(
              () -> {
                try {
                  out[0] = Files.readAllBytes(p);
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                  out[0] = null; // the reader will read (and report) for itself
                }
              },
              "read-ahead");
      t.setDaemon(true);
      t.start();
      pending = new Pending(p, size, modified, t, out);
    } catch (IOException | RuntimeException e) {
      // nothing read ahead
    }
  }

  /** The bytes of {@code file} if they were read ahead and the file is unchanged, else null. */
  static byte[] take(Path file) {
    Pending p = pending;
    if (p == null) {
      return null;
    }
    try {
      Path abs = file.toAbsolutePath().normalize();
      if (!abs.equals(p.path())) {
        return null;
      }
      pending = null;
      p.thread().join();
      byte[] b = p.bytes()[0];
      if (b == null
          || b.length != p.size()
          || Files.size(abs) != p.size()
          || !Files.getLastModifiedTime(abs).equals(p.modified())) {
        return null;
      }
      return b;
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
