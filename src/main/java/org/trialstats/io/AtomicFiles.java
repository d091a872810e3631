package org.trialstats.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes files and folders so that a failed run leaves nothing half-written: content goes to a
 * temporary sibling first and is moved into place only when complete.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Content producer that may fail. */
  @FunctionalInterface
  public interface WriterBody {
    void write(Writer out) throws IOException;
  }

  /** Writes a UTF-8 text file atomically (temp file in the same folder, then move). */
  public static void writeText(Path target, WriterBody body) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
      readableByAll(tmp, Files.exists(abs) ? abs : null, "rw-r--r--");
      move(tmp, abs);
      tmp = null;
    } catch (IOException e) {
      throw new InputException(target + ": cannot write: " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /**
   * Replaces the folder {@code target} with one built in a temporary sibling by {@code body}; if
   * the body fails, the previous folder is left untouched.
   */
  public static void replaceDirectory(Path target, DirBody body) {
    Path abs = target.toAbsolutePath();
    Path parent = abs.getParent();
    Path tmp = null;
    Path old = null;
    try {
      Files.createDirectories(parent);
      tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".");
      body.write(tmp);
      readableByAll(tmp, Files.isDirectory(abs) ? abs : null, "rwxr-xr-x");
      if (Files.exists(abs)) {
        old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old.");
        Files.delete(old);
        Files.move(abs, old);
      }
      Files.move(tmp, abs);
      tmp = null;
    } catch (IOException e) {
      throw new InputException(target + ": cannot write: " + e.getMessage(), e);
    } finally {
      deleteTree(tmp);
      deleteTree(old);
    }
  }

  /** Folder producer that may fail. */
  @FunctionalInterface
  public interface DirBody {
    void write(Path dir) throws IOException;
  }

  /**
   * Temporary files and folders are created private (0600/0700); the finished output gets the
   * permissions of the file it replaces, or the usual world-readable ones ({@code fallback}).
   */
  private static void readableByAll(Path tmp, Path previous, String fallback) throws IOException {
    if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        tmp,
        previous != null
            ? Files.getPosixFilePermissions(previous)
            : PosixFilePermissions.fromString(fallback));
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort cleanup of our own temp file
      }
    }
  }

  /** Deletes a folder tree (best effort); null is ignored. */
  public static void deleteTree(Path p) {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
    } catch (IOException | UncheckedIOException ignored) {
      // best effort cleanup
    }
  }
}
