package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trialstats.io.DataLoader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import picocli.CommandLine.Option;

/** Data input options of the contract: --data, --adsl, --where, --id. */
public final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "Analysis dataset (CSV, or SAS .sas7bdat).")
  public Path data;

  @Option(
      names = "--adsl",
      paramLabel = "FILE",
      description = "Subject-level dataset joined by the subject id to bring subject variables.")
  public Path adsl;

  @Option(
      names = "--where",
      paramLabel = "COL=VALUE",
      description =
          "Keep rows where COL equals VALUE (repeatable; the same COL twice means either value).")
  public List<String> where = new ArrayList<>();

  @Option(
      names = "--id",
      paramLabel = "COL",
      defaultValue = "USUBJID",
      description = "Subject id column (default: ${DEFAULT-VALUE}).")
  public String id;

  /** True when a --data file was given. */
  public boolean present() {
    return data != null;
  }

  /** Loads --data (required), filtered and joined, keeping the {@code needed} columns. */
  public DataTable load(Set<String> needed) {
    if (data == null) {
      throw new InputException("--data FILE is required for this analysis");
    }
    return DataLoader.load(data, where, adsl, id, needed);
  }

  /**
   * As {@link #load(Set)}; the {@code hashed} columns are kept as hashes when nothing else needs
   * their text (see {@link org.trialstats.io.DataTable#hashes}).
   */
  public DataTable load(Set<String> needed, Set<String> hashed) {
    return load(needed, hashed, Set.of());
  }

  /**
   * As {@link #load(Set, Set)}; the {@code numeric} columns are read as numbers when all their
   * cells are plain decimals (see {@link org.trialstats.io.DataTable#numbers}).
   */
  public DataTable load(Set<String> needed, Set<String> hashed, Set<String> numeric) {
    if (data == null) {
      throw new InputException("--data FILE is required for this analysis");
    }
    return DataLoader.load(data, where, adsl, id, needed, hashed, numeric);
  }
}
