package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Structure of the forest plot SVG: well-formed, one row per level, ticks, finite coordinates. */
class ForestPlotTest {

  static ForestPlot.Spec sample(int levels, String longLabel) {
    List<ForestPlot.Row> rows = new ArrayList<>();
    rows.add(
        new ForestPlot.Row(
            "All subjects",
            ForestPlot.Kind.OVERALL,
            List.of("619", "296", ForestPlot.effectText(0.6, 0.47, 0.76, 2), ""),
            0.6,
            0.47,
            0.76,
            619,
            null));
    rows.add(ForestPlot.Row.header("Sex <M&F>", List.of("", "", "", "0.028")));
    for (int i = 0; i < levels; i++) {
      double est = 0.3 + 0.05 * i;
      rows.add(
          new ForestPlot.Row(
              i == 0 ? longLabel : "level " + i,
              ForestPlot.Kind.LEVEL,
              List.of("" + (10 + i), "" + i, ForestPlot.effectText(est, est / 3, est * 40, 2), ""),
              est,
              est / 3,
              i == 1 ? Double.POSITIVE_INFINITY : est * 40,
              10 + i,
              null));
    }
    rows.add(
        new ForestPlot.Row(
            "extent=1",
            ForestPlot.Kind.LEVEL,
            List.of("18", "3", "NE", ""),
            Double.NaN,
            Double.NaN,
            Double.NaN,
            18,
            "not estimable: no events in Obs"));
    return new ForestPlot.Spec(
        "Recurrence: Lev+5FU vs Obs",
        "Subgroup",
        List.of("n", "Events", "HR (95% CI)", "P int."),
        ForestPlot.Scale.LOG,
        "Hazard ratio (log scale)",
        "Favours Lev+5FU",
        "Favours Obs",
        rows,
        List.of("Interaction p-values are unadjusted."));
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static int countClass(Document d, String tag, String cls) {
    NodeList l = d.getElementsByTagName(tag);
    int k = 0;
    for (int i = 0; i < l.getLength(); i++) {
      if (((Element) l.item(i)).getAttribute("class").equals(cls)) {
        k++;
      }
    }
    return k;
  }

  @Test
  void oneRowPerLevelWithTicksAndEscapedLabels() throws Exception {
    String svg = ForestPlot.svg(sample(30, "a \"quoted\" & <tagged> label"));
    Document d = parse(svg); // well-formed XML despite <, >, & and quotes in labels
    assertEquals(31, countClass(d, "g", "row level"));
    assertEquals(1, countClass(d, "g", "row overall"));
    assertEquals(1, countClass(d, "g", "row header"));
    assertTrue(countClass(d, "line", "tick") >= 3, "axis ticks");
    assertEquals(1, countClass(d, "line", "reference"));
    assertTrue(svg.contains("a &quot;quoted&quot; &amp; &lt;tagged&gt; label"));
    assertTrue(svg.contains("Sex &lt;M&amp;F&gt;"));
    assertFalse(svg.contains("NaN"));
    assertFalse(svg.contains("Infinity"));
    assertTrue(countClass(d, "polygon", "arrow") >= 1, "arrow for an interval beyond the axis");
    assertEquals(1, countClass(d, "text", "note"), "reason shown for the non-estimable level");
    assertEquals(2, countClass(d, "text", "favours"));
  }

  @Test
  void allCoordinatesFiniteAndInsideTheCanvas() throws Exception {
    String svg = ForestPlot.svg(sample(30, "x".repeat(120)));
    Document d = parse(svg);
    Element root = d.getDocumentElement();
    double w = Double.parseDouble(root.getAttribute("width"));
    double h = Double.parseDouble(root.getAttribute("height"));
    Matcher m = Pattern.compile(" (x|x1|x2|y|y1|y2)=\"([^\"]*)\"").matcher(svg);
    int n = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(2));
      double lim = m.group(1).startsWith("x") ? w : h;
      assertTrue(v >= 0 && v <= lim, m.group(0));
      n++;
    }
    assertTrue(n > 100);
    // The label column grows with the longest label: the plot starts to its right.
    double refX =
        Double.parseDouble(((Element) d.getElementsByTagName("line").item(1)).getAttribute("x1"));
    assertTrue(refX > ForestPlot.textWidth("x".repeat(120), ForestPlot.FONT, false));
  }

  @Test
  void rowsDoNotOverlapVertically() throws Exception {
    Document d = parse(ForestPlot.svg(sample(30, "label")));
    NodeList texts = d.getElementsByTagName("text");
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      Element e = (Element) texts.item(i);
      if (e.getAttribute("class").equals("label")) {
        ys.add(Double.parseDouble(e.getAttribute("y")));
      }
    }
    assertEquals(33, ys.size());
    for (int i = 1; i < ys.size(); i++) {
      assertTrue(ys.get(i) - ys.get(i - 1) >= ForestPlot.FONT * 1.5, "row spacing");
    }
  }

  @Test
  void logAxisTicksAndLinearAxisReference() {
    ForestPlot.Axis a =
        ForestPlot.axis(
            List.of(new ForestPlot.Row("a", ForestPlot.Kind.LEVEL, null, 0.6, 0.47, 0.76, 1, null)),
            ForestPlot.Scale.LOG);
    assertTrue(a.min() <= 0.47 && a.max() >= 1);
    assertEquals(1, a.reference());
    ForestPlot.Axis l =
        ForestPlot.axis(
            List.of(new ForestPlot.Row("a", ForestPlot.Kind.LEVEL, null, -0.1, -0.3, 0.1, 1, null)),
            ForestPlot.Scale.LINEAR);
    assertEquals(0, l.reference());
    assertTrue(l.min() <= -0.3 && l.max() >= 0.1);
    // Rates or times (nothing negative): the axis starts at 0, the reference may be moved.
    ForestPlot.Axis t =
        ForestPlot.axis(
            List.of(new ForestPlot.Row("a", ForestPlot.Kind.LEVEL, null, 12, 8, 21, 1, null)),
            ForestPlot.Scale.LINEAR,
            12.5);
    assertEquals(0, t.min());
    assertEquals(12.5, t.reference());
    assertEquals("0.60 (0.47, Inf)", ForestPlot.effectText(0.6, 0.47, Double.POSITIVE_INFINITY, 2));
    assertEquals("NE", ForestPlot.effectText(Double.NaN, 0, 1, 2));
  }

  /** Writes the sample for a visual check: target/forest-sample.svg. */
  @Test
  void writesSampleForVisualCheck() throws Exception {
    java.nio.file.Path out = java.nio.file.Path.of("target/forest-sample.svg");
    java.nio.file.Files.createDirectories(out.getParent());
    java.nio.file.Files.writeString(
        out, ForestPlot.svg(sample(30, "Eastern Cooperative Oncology Group status 0 or 1")));
    assertTrue(java.nio.file.Files.size(out) > 1000);
  }
}
