package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstats.cli.Main;

/**
 * Opens the example reports in headless Debian chromium, as a reader would: the DOM after rendering
 * has the KM and forest SVGs with non-empty paths, the console has no errors, and a screenshot is
 * saved under target/ for inspection. Skipped (with a message) when /usr/bin/chromium is not
 * installed; the CI script installs it.
 */
@Tag("browser")
class BrowserReportTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  @TempDir static Path tmp;
  static Path reports;

  @BeforeAll
  static void build() {
    if (!Files.isExecutable(CHROMIUM)) {
      System.err.println(
          "BrowserReportTest SKIPPED: /usr/bin/chromium not installed (apt-get install chromium)");
    }
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "chromium not installed: browser test skipped");
    reports = tmp.resolve("example");
    StringWriter err = new StringWriter();
    int rc =
        Main.run(
            new String[] {"report", "--out", reports.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, rc, err.toString());
  }

  record Run(int exit, String stdout, String stderr) {}

  static Run chromium(List<String> extra, Path html) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    cmd.addAll(extra);
    cmd.add(html.toUri().toString());
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void renderedDomHasFiguresWithPaths() throws Exception {
    for (String name : new String[] {"colon", "lgsoc"}) {
      Run r =
          chromium(
              List.of("--dump-dom", "--enable-logging=stderr", "--v=0"),
              reports.resolve(name).resolve("report.html"));
      assertEquals(0, r.exit(), r.stderr());
      String dom = r.stdout();
      assertTrue(dom.contains("<svg"), name + ": no SVG in the rendered DOM");
      int km = count(dom, "<figure class=\"km\">");
      int forest = count(dom, "<figure class=\"forest\">");
      assertEquals(km + forest, count(dom, "<svg"), name + ": every SVG is a KM or forest figure");
      assertTrue(km >= 1, name + ": no KM figure");
      assertTrue(forest >= 1, name + ": no forest plot");
      Matcher m = Pattern.compile("<path class=\"curve\" d=\"([^\"]*)\"").matcher(dom);
      int curves = 0;
      while (m.find()) {
        assertTrue(m.group(1).length() > 10 && m.group(1).contains("H"), name + ": empty KM path");
        curves++;
      }
      assertTrue(curves >= 1, name + ": no KM curve paths");
      String[] parts = dom.split("<figure class=\"forest\">");
      for (int k = 1; k < parts.length; k++) {
        String svg = parts[k].substring(0, parts[k].indexOf("</svg>"));
        Matcher d = Pattern.compile("<(?:path|line|rect|polygon)[^>]*>").matcher(svg);
        int shapes = 0;
        while (d.find()) {
          shapes++;
        }
        assertTrue(shapes > 5, name + ": forest plot without whiskers/squares");
        assertFalse(svg.contains("d=\"\""), name + ": empty path in a forest plot");
      }
      // Console errors are logged by chromium as CONSOLE(...) lines or "Uncaught" messages.
      for (String line : r.stderr().split("\n")) {
        assertFalse(
            line.contains("CONSOLE") && line.toLowerCase().contains("error"),
            name + ": console error: " + line);
        assertFalse(line.contains("Uncaught"), name + ": script error: " + line);
        assertFalse(line.contains("Refused to"), name + ": blocked resource: " + line);
      }
    }
  }

  @Test
  void screenshots() throws Exception {
    Files.createDirectories(Path.of("target"));
    for (String name : new String[] {"colon", "lgsoc"}) {
      Path png = Path.of("target", "report-screenshot-" + name + ".png").toAbsolutePath();
      Files.deleteIfExists(png);
      Run r =
          chromium(
              List.of("--screenshot=" + png, "--window-size=1100,4200", "--hide-scrollbars"),
              reports.resolve(name).resolve("report.html"));
      assertEquals(0, r.exit(), r.stderr());
      assertTrue(Files.size(png) > 20_000, name + ": screenshot too small");
      byte[] head = Files.readAllBytes(png);
      assertEquals((byte) 0x89, head[0]);
      assertEquals('P', head[1]);
      if (name.equals("colon")) {
        Files.copy(
            png,
            Path.of("target", "report-screenshot.png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
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
