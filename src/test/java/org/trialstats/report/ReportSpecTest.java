package org.trialstats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.io.InputException;

class ReportSpecTest {
  static ReportSpec parse(String yaml) {
    return ReportSpec.from(SpecNode.parse("s.yaml", new StringReader(yaml)), Path.of("/x/s.yaml"));
  }

  static String error(String yaml) {
    return assertThrows(InputException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void defaultsAreThoseOfTheDocs() {
    ReportSpec s =
        parse(
            """
            datasets:
              adsl: a.csv
              adrs: r.csv
              adtte: t.csv
            response: {}
            time_to_event:
              - paramcd: PFS
            """);
    assertEquals("Efficacy report", s.title());
    assertEquals(0.95, s.confLevel());
    assertEquals("r", s.convention());
    assertEquals("ARM", s.treatment().variable());
    assertNull(s.treatment().reference());
    assertEquals(Path.of("/x/a.csv"), s.adsl());
    ReportSpec.Response r = s.response();
    assertEquals("BOR", r.paramcd());
    assertEquals("clopper-pearson", r.interval());
    assertEquals(List.of("CR", "PR"), r.responders());
    assertEquals(28, r.confirmationDays());
    assertEquals("newcombe", r.comparison());
    ReportSpec.Tte e = s.endpoints().get(0);
    assertEquals("log", e.confType());
    assertEquals("efron", e.ties());
    assertEquals("days", e.timeUnit());
    assertEquals("months", e.reportUnit());
    assertEquals(List.of("logrank"), e.tests());
    assertEquals(7, e.line());
  }

  @Test
  void sasConventionChangesTheDefaults() {
    ReportSpec s =
        parse(
            """
            convention: SAS
            datasets: {adtte: t.csv}
            time_to_event: [{paramcd: OS}]
            """);
    assertEquals("log-log", s.endpoints().get(0).confType());
    assertEquals("breslow", s.endpoints().get(0).ties());
  }

  @Test
  void unknownKeyNamesItsLine() {
    String m =
        error(
            """
            title: x
            datasets:
              adtte: t.csv
            time_to_event:
              - paramcd: PFS
                landmark: [6, 12]
            """);
    assertTrue(m.startsWith("s.yaml: line 6:"), m);
    assertTrue(m.contains("unknown key 'landmark'"), m);
    assertTrue(m.contains("landmarks"), m);
  }

  @Test
  void badValuesNameTheirLine() {
    String m =
        error(
            """
            datasets: {adtte: t.csv}
            conf_level: 95
            time_to_event: [{paramcd: OS}]
            """);
    assertTrue(m.startsWith("s.yaml: line 2: conf_level:"), m);
    m =
        error(
            """
            datasets: {adrs: r.csv}
            response:
              interval: exact
            """);
    assertTrue(m.startsWith("s.yaml: line 3: response.interval:"), m);
    assertTrue(m.contains("clopper-pearson"), m);
    m =
        error(
            """
            datasets: {adtte: t.csv}
            time_to_event:
              - paramcd: OS
                ci_bands: maybe
            """);
    assertTrue(m.startsWith("s.yaml: line 4:"), m);
    m =
        error(
            """
            datasets: {adtte: t.csv}
            time_to_event:
              - label: Overall
            """);
    assertTrue(m.contains("line 3") && m.contains("paramcd"), m);
  }

  @Test
  void yamlSyntaxErrorsAndMissingParts() {
    assertTrue(error("title: [unclosed\n").contains("not valid YAML"));
    assertTrue(error("title: x\n").contains("datasets"));
    assertTrue(error("datasets: {adsl: a.csv}\n").contains("nothing to report"));
    assertTrue(error("datasets: {adsl: a.csv}\nresponse: {}\n").contains("adrs"));
    assertTrue(error("a: 1\na: 2\n").contains("line 2"), error("a: 1\na: 2\n"));
  }

  @Test
  void noArbitraryTypes() {
    // A tag asking for a Java object is refused by the safe loader (never constructed).
    String m =
        error(
            """
            title: !!javax.script.ScriptEngineManager [x]
            datasets: {adtte: t.csv}
            time_to_event: [{paramcd: OS}]
            """);
    assertTrue(m.contains("line 1") && m.contains("tag"), m);
  }
}
