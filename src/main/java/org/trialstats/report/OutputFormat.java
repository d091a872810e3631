package org.trialstats.report;

/** The output formats of the contract: readable text, tidy CSV, JSON array of rows. */
public enum OutputFormat {
  TEXT,
  CSV,
  JSON
}
