package org.trialstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package layering of docs/DEVELOPING.md, checked on the sources: nothing outside {@code cli}
 * depends on {@code cli}; the core packages use neither {@code cli} nor picocli.
 */
class LayeringTest {
  private static final Path ROOT = Path.of("src/main/java/org/trialstats");
  private static final Set<String> CORE =
      Set.of("response", "survival", "subgroup", "verify", "preclinical");

  /** An import or a fully qualified use of a cli class or of picocli. */
  private static final Pattern CLI = Pattern.compile("\\borg\\.trialstats\\.cli\\b");

  private static final Pattern PICOCLI = Pattern.compile("\\bpicocli\\.\\w");

  @Test
  void nothingOutsideCliDependsOnCli() throws IOException {
    List<String> bad = new ArrayList<>();
    for (Path f : sources()) {
      if (!pkg(f).equals("cli")) {
        bad.addAll(hits(f, CLI));
      }
    }
    assertEquals(List.of(), bad, "files outside cli that use org.trialstats.cli");
  }

  @Test
  void corePackagesUseNeitherCliNorPicocli() throws IOException {
    List<String> bad = new ArrayList<>();
    int core = 0;
    for (Path f : sources()) {
      if (CORE.contains(pkg(f))) {
        core++;
        bad.addAll(hits(f, CLI));
        bad.addAll(hits(f, PICOCLI));
      }
    }
    assertTrue(core > 20, "expected the core sources under " + ROOT + ", found " + core);
    assertEquals(List.of(), bad, "core files that use cli or picocli");
  }

  @Test
  void theCheckSeesAViolation() {
    assertTrue(CLI.matcher("import org.trialstats.cli.TgiCommand;").find());
    assertTrue(PICOCLI.matcher("import picocli.CommandLine;").find());
    assertTrue(!CLI.matcher("import org.trialstats.client.X;").find());
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The first directory under org/trialstats ("" for files directly in it). */
  private static String pkg(Path f) {
    Path rel = ROOT.relativize(f);
    return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
  }

  private static List<String> hits(Path f, Pattern p) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(f);
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = p.matcher(lines.get(i));
      if (m.find()) {
        out.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
      }
    }
    return out;
  }
}
