package org.trialstats.report;

import java.util.Objects;

/**
 * One row of the tidy output contract ({@code shared/docs/output-contract.md}): one statistic per
 * row. Numeric fields are {@code null} when "not applicable" or "not estimable"; {@link #note()}
 * then says which.
 *
 * <p>Column order of the CSV is the record's component order and is part of the contract.
 */
public record ResultRow(
    String analysis,
    String group,
    String term,
    Double time,
    Double estimate,
    Double confLow,
    Double confHigh,
    Double confLevel,
    Double pValue,
    Double statistic,
    Double df,
    Integer n,
    Integer events,
    String method,
    String note) {

  /** The contract's CSV header, in order. */
  public static final String[] COLUMNS = {
    "analysis",
    "group",
    "term",
    "time",
    "estimate",
    "conf_low",
    "conf_high",
    "conf_level",
    "p_value",
    "statistic",
    "df",
    "n",
    "events",
    "method",
    "note"
  };

  public ResultRow {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(term, "term");
    group = group == null ? "ALL" : group;
    estimate = finiteOrNull(estimate);
    confLow = finiteOrNull(confLow);
    confHigh = finiteOrNull(confHigh);
    pValue = finiteOrNull(pValue);
    statistic = finiteOrNull(statistic);
    time = finiteOrNull(time);
  }

  private static Double finiteOrNull(Double d) {
    return d == null || d.isNaN() || d.isInfinite() ? null : d;
  }

  /** Starts a row for {@code analysis}/{@code group}/{@code term}; fill the rest with withers. */
  public static Builder of(String analysis, String group, String term) {
    return new Builder(analysis, group, term);
  }

  /** The values of this row as objects, in contract column order. */
  public Object[] values() {
    return new Object[] {
      analysis, group, term, time, estimate, confLow, confHigh, confLevel, pValue, statistic, df, n,
      events, method, note
    };
  }

  /** Mutable builder: rows are many-fielded and mostly sparse. */
  public static final class Builder {
    private final String analysis;
    private final String group;
    private final String term;
    private Double time;
    private Double estimate;
    private Double confLow;
    private Double confHigh;
    private Double confLevel;
    private Double pValue;
    private Double statistic;
    private Double df;
    private Integer n;
    private Integer events;
    private String method;
    private String note;

    private Builder(String analysis, String group, String term) {
      this.analysis = analysis;
      this.group = group;
      this.term = term;
    }

    public Builder time(Double v) {
      time = v;
      return this;
    }

    public Builder estimate(Double v) {
      estimate = v;
      return this;
    }

    public Builder ci(Double low, Double high, Double level) {
      confLow = low;
      confHigh = high;
      confLevel = level;
      return this;
    }

    public Builder pValue(Double v) {
      pValue = v;
      return this;
    }

    public Builder statistic(Double v) {
      statistic = v;
      return this;
    }

    public Builder df(Double v) {
      df = v;
      return this;
    }

    public Builder n(Integer v) {
      n = v;
      return this;
    }

    public Builder events(Integer v) {
      events = v;
      return this;
    }

    public Builder method(String v) {
      method = v;
      return this;
    }

    public Builder note(String v) {
      note = v;
      return this;
    }

    public ResultRow build() {
      return new ResultRow(
          analysis, group, term, time, estimate, confLow, confHigh, confLevel, pValue, statistic,
          df, n, events, method, note);
    }
  }
}
