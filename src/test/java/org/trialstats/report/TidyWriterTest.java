package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TidyWriterTest {
  private static final List<ResultRow> ROWS =
      List.of(
          ResultRow.of("orr", "ALL", "orr")
              .estimate(11.0 / 26)
              .ci(0.2335, 0.6308, 0.95)
              .n(26)
              .events(11)
              .method("clopper-pearson")
              .build(),
          ResultRow.of("km", "=HYPERLINK(\"x\")", "median")
              .ci(12.0, null, 0.95)
              .method("brookmeyer-crowley/log-log")
              .note("upper limit not reached")
              .build());

  private static String render(OutputFormat f) {
    StringWriter w = new StringWriter();
    TidyWriter.write(w, f, ROWS, List.of("heading"));
    return w.toString();
  }

  @Test
  void csvHasContractHeaderFullPrecisionAndSafeText() {
    String[] lines = render(OutputFormat.CSV).split("\n");
    assertEquals(
        "analysis,group,term,time,estimate,conf_low,conf_high,conf_level,p_value,statistic,df,n,"
            + "events,method,note",
        lines[0]);
    assertEquals(
        "orr,ALL,orr,,0.4230769230769231,0.2335,0.6308,0.95,,,,26,11,clopper-pearson,", lines[1]);
    assertEquals(
        "km,\"'=HYPERLINK(\"\"x\"\")\",median,,,12,,0.95,,,,,,brookmeyer-crowley/log-log,"
            + "upper limit not reached",
        lines[2]);
  }

  @Test
  void jsonUsesNullForEmptyAndNumbersAsNumbers() {
    String j = render(OutputFormat.JSON);
    assertTrue(j.contains("\"estimate\": 0.4230769230769231"), j);
    assertTrue(j.contains("\"conf_high\": null"), j);
    assertTrue(j.contains("\"n\": 26"), j);
    assertTrue(j.contains("\"group\": \"=HYPERLINK(\\\"x\\\")\""), j);
    assertTrue(j.startsWith("[") && j.trim().endsWith("]"), j);
  }

  @Test
  void textShowsHeadingAndRoundedUsedColumnsOnly() {
    String t = render(OutputFormat.TEXT);
    assertTrue(t.startsWith("heading\n\n"), t);
    assertTrue(t.contains("0.4231"), t);
    assertTrue(!t.contains("p_value"), t);
    assertTrue(t.contains("clopper-pearson"), t);
  }

  @Test
  void nonFiniteNumbersBecomeEmpty() {
    ResultRow r = ResultRow.of("cox", "B vs A", "hr").estimate(Double.POSITIVE_INFINITY).build();
    assertEquals(null, r.estimate());
  }

  @Test
  void cellsEscapeHtmlAndFormulaButNotNumbers() {
    assertEquals("&lt;b&gt;A&amp;B&quot;&#39;", Cells.html("<b>A&B\"'"));
    assertEquals("'+cmd", Cells.safeText("+cmd"));
    assertEquals("-1.5", Cells.safeText("-1.5"));
    assertEquals("'@SUM(A1)", Cells.safeText("@SUM(A1)"));
    assertEquals("12", Cells.number(12.0));
    assertEquals("1.0E-12", Cells.number(1e-12));
  }
}
