package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.Main;
import org.trialstats.report.sim.SimCsv;
import org.trialstats.report.sim.TrialSimulator;

/**
 * A large study (10 arms, 100 000 subjects, 30 subgroup levels) still gives a compact, readable
 * report: thinned KM paths, a wrapped legend, a risk row per arm, every forest row drawn.
 */
class LargeStudyReportTest {
  @TempDir Path tmp;

  @Test
  void tenArmsHundredThousandSubjectsThirtySubgroupRows() throws Exception {
    List<TrialSimulator.Arm> arms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      arms.add(
          new TrialSimulator.Arm(
              "Arm <" + i + ">", 10_000, 0.2 + 0.03 * i, 0.3, 8 + i, 20 + 2 * i));
    }
    TrialSimulator.Design d =
        new TrialSimulator.Design(
            "SIM-LARGE",
            arms,
            0.4,
            0.7,
            1.2,
            18,
            24,
            0.05,
            8,
            0.1,
            0.03,
            false,
            LocalDate.of(2020, 1, 6),
            99);
    Path data = tmp.resolve("data");
    SimCsv.write(TrialSimulator.simulate(d), data, null);
    // 26 regions + KRAS (2) + age group (2) = 30 subgroup levels.
    List<String> adsl = Files.readAllLines(data.resolve("adsl.csv"));
    List<String> out = new ArrayList<>();
    out.add(adsl.get(0) + ",REGION");
    for (int i = 1; i < adsl.size(); i++) {
      out.add(adsl.get(i) + ",Region " + (char) ('A' + (i % 26)));
    }
    Files.write(data.resolve("adsl.csv"), out);
    Files.writeString(
        data.resolve("report.yaml"),
        """
        title: Large synthetic study
        synthetic: true
        datasets: {adsl: adsl.csv, adrs: adrs.csv, adtte: adtte.csv}
        treatment: {variable: ARM, reference: "Arm <0>"}
        response: {paramcd: BOR}
        time_to_event:
          - {paramcd: PFS, label: Progression-free survival, landmarks: [6, 12], ci_bands: true}
        subgroups:
          compare: ["Arm <9>"]
          variables: [KRAS, AGEGR1, REGION]
        """);
    StringWriter err = new StringWriter();
    int rc =
        Main.run(
            new String[] {
              "report",
              "--spec",
              data.resolve("report.yaml").toString(),
              "--out",
              tmp.resolve("r").toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, rc, err.toString());
    String html = Files.readString(tmp.resolve("r/report.html"));
    assertTrue(html.length() < 2_000_000, "report.html is " + html.length() + " bytes");
    assertFalse(html.contains("NaN") || html.contains("Infinity"), "non-finite coordinates");
    assertFalse(html.contains("Arm <"), "arm names are escaped");
    // One risk-table row per arm, each on its own line (distinct y).
    Matcher m =
        Pattern.compile("<text x=\"4\" y=\"([0-9.]+)\" text-anchor=\"start\" class=\"risk-label\"")
            .matcher(html);
    List<String> ys = new ArrayList<>();
    while (m.find()) {
      ys.add(m.group(1));
    }
    assertEquals(10, ys.size());
    assertEquals(10, ys.stream().distinct().count());
    assertEquals(10, count(html, "class=\"legend\""));
    // Forest: overall + 3 headers + 30 levels (+ column header).
    String forest = html.substring(html.indexOf("<figure class=\"forest\">"));
    forest = forest.substring(0, forest.indexOf("</figure>"));
    for (char c = 'A'; c <= 'Z'; c++) {
      assertTrue(forest.contains(">Region " + c + "<"), "Region " + c);
    }
  }

  static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
