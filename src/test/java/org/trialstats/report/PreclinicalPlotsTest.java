package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.trialstats.preclinical.FourParameterLogistic;
import org.trialstats.preclinical.PAdjust;
import org.trialstats.preclinical.TumourGrowth;
import org.w3c.dom.Document;

/** The SVG writers produce well-formed, escaped SVG with one mark per data point. */
class PreclinicalPlotsTest {
  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static TumourGrowth.Result study() {
    String[] animal = {"a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"};
    String[] group = {
      "Ctl <&>", "Ctl <&>", "Ctl <&>", "Ctl <&>", "Ctl <&>", "Ctl <&>", "T", "T", "T", "T", "T", "T"
    };
    double[] day = {0, 7, 14, 0, 7, 14, 0, 7, 14, 0, 7, 14};
    double[] vol = {100, 200, 400, 120, 250, 500, 110, 120, 90, 100, 80, 0};
    return TumourGrowth.analyse(
        animal,
        group,
        day,
        vol,
        new TumourGrowth.Options(
            "Ctl <&>", Double.NaN, Double.NaN, 1, Double.NaN, PAdjust.HOLM, 0.95));
  }

  @Test
  void growthCurvesAreWellFormedWithOnePointPerGroupAndDay() throws Exception {
    for (boolean log : new boolean[] {false, true}) {
      String svg = GrowthCurvePlot.svg(study(), "Study \"X\" <1>", log);
      Document d = parse(svg);
      assertEquals("svg", d.getDocumentElement().getNodeName());
      assertEquals(6, d.getElementsByTagName("circle").getLength(), "log=" + log);
      assertTrue(svg.contains("Ctl &lt;&amp;&gt;"));
    }
  }

  @Test
  void doseResponsePlotDrawsEveryWellAndTheCurve() throws Exception {
    double[] x = {0.01, 0.1, 1, 10, 100, 0.01, 0.1, 1, 10, 100};
    double[] y = {98, 90, 52, 12, 4, 101, 88, 49, 9, 6};
    FourParameterLogistic.Fit f = FourParameterLogistic.fit(x, y, Double.NaN, Double.NaN, 0.95);
    String svg =
        DoseResponsePlot.svg(
            List.of(new DoseResponsePlot.Series("C&1", x, y, f)), "t", "µM", "viability %");
    Document d = parse(svg);
    assertEquals(10, d.getElementsByTagName("circle").getLength());
    assertTrue(svg.contains(">C&amp;1<") && svg.contains(">IC50 "));
    assertTrue(d.getElementsByTagName("path").getLength() >= 2); // axes + fitted curve
  }
}
