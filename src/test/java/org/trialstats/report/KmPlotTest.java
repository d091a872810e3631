package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KmPlotTest {
  static KmPlot.Curve curve(String label, int n) {
    double[] t = new double[n + 1];
    double[] s = new double[n + 1];
    s[0] = 1;
    for (int i = 1; i <= n; i++) {
      t[i] = i * 0.5;
      s[i] = 1 - i / (double) (n + 1);
    }
    return new KmPlot.Curve(
        label, t, s, null, null, new double[] {1.2, 3.3}, 2.0, new int[] {100, 80, 60, 40, 20, 0});
  }

  static KmPlot.Spec spec(List<KmPlot.Curve> c) {
    return new KmPlot.Spec(
        "t",
        "Time (months)",
        "PFS",
        new double[] {0, 1, 2, 3, 4, 5},
        c,
        List.of("HR 0.5"),
        false,
        true);
  }

  /** Each risk-table count is centred exactly on the x of its tick label. */
  @Test
  void riskTableAlignedWithTicks() {
    String svg = KmPlot.svg(spec(List.of(curve("A very long arm name <b>", 8), curve("B", 6))));
    List<String> tickX = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\" class=\"tick\">")
            .matcher(svg);
    while (m.find()) {
      tickX.add(m.group(1));
    }
    assertEquals(6, tickX.size());
    Matcher r =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\" class=\"risk\" data-tick=\"(\\d)\">")
            .matcher(svg);
    int n = 0;
    while (r.find()) {
      assertEquals(tickX.get(Integer.parseInt(r.group(2))), r.group(1));
      n++;
    }
    assertEquals(12, n);
    assertTrue(svg.contains("A very long arm name &lt;b&gt;"));
    assertFalse(svg.contains("<b>"));
  }

  /** The arm labels of the risk table end left of the first count (no overlap). */
  @Test
  void labelsDoNotReachTheFirstCount() {
    String label = "Xanomeline High Dose + something";
    String svg = KmPlot.svg(spec(List.of(curve(label, 5))));
    Matcher r = Pattern.compile("class=\"risk\" data-tick=\"0\"").matcher(svg);
    assertTrue(r.find());
    Matcher x0 =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\" class=\"risk\" data-tick=\"0\">")
            .matcher(svg);
    assertTrue(x0.find());
    double first = Double.parseDouble(x0.group(1));
    double labelEnd = 4 + ForestPlot.textWidth(label, 12, false);
    double halfCount = ForestPlot.textWidth("100", 12, false) / 2;
    assertTrue(labelEnd + 8 <= first - halfCount, labelEnd + " vs " + first);
  }

  /** Thinning keeps a 100 000-step curve small and drops no step that a pixel can show. */
  @Test
  void longCurvesAreThinned() {
    KmPlot.Curve c = curve("A", 100_000);
    String svg =
        KmPlot.svg(
            new KmPlot.Spec(
                "t",
                "x",
                "y",
                new double[] {0, 25_000, 50_000},
                List.of(c),
                List.of(),
                false,
                false));
    Matcher m = Pattern.compile("<path class=\"curve\" d=\"([^\"]*)\"").matcher(svg);
    assertTrue(m.find());
    assertTrue(m.group(1).length() < 60_000, "path length " + m.group(1).length());
    Matcher t =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\" class=\"tick\">50000<")
            .matcher(svg);
    assertTrue(t.find());
    assertTrue(m.group(1).endsWith("H" + t.group(1)), "the curve runs to the last time");
  }

  @Test
  void ticksAreNice() {
    assertEquals(
        List.of(0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0, 42.0), boxed(KmPlot.ticks(40.6, "months")));
    assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), boxed(KmPlot.ticks(9.1, "years")));
  }

  static List<Double> boxed(double[] a) {
    List<Double> out = new ArrayList<>();
    for (double v : a) {
      out.add(v);
    }
    return out;
  }
}
