package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BestOverallResponseTest {

  // admiralonco tests/testthat/test-derive_param_confirmed_bor.R and test-derive_param_bor.R:
  // subject, reference date (TRTSDT), assessments (ADT AVALC).
  private static final String[][] ADMIRALONCO = {
    {"1", "2020-01-01", "2020-01-01 PR|2020-02-01 CR|2020-02-16 NE|2020-03-01 CR|2020-04-01 SD"},
    {"2", "2019-12-12", "2020-01-01 SD|2020-02-01 PR|2020-03-01 SD|2020-03-13 CR"},
    {"3", "2019-11-11", "2019-11-12 CR|2019-12-02 CR|2020-01-01 SD"},
    {
      "4",
      "2019-12-30",
      "2020-01-01 PR|2020-03-01 SD|2020-04-01 SD|2020-05-01 PR|2020-05-15 NON-CR/NON-PD"
    },
    {"5", "2020-01-01", "2020-01-01 PR|2020-01-10 SD|2020-01-20 PR|2020-05-15 NON-CR/NON-PD"},
    {"6", "2020-02-02", "2020-02-06 PR|2020-02-16 CR|2020-03-30 PR"},
    {"7", "2020-02-02", "2020-02-06 PR|2020-02-16 CR|2020-04-01 NE"},
    {"8", "2020-04-01", ""},
    {"9", "2020-02-01", "2020-02-16 PD|2020-03-06 SD"},
  };

  /** Confirmed BOR, Test 1 of admiralonco (ref_start_window 28, ref_confirm 28): BOR and ADT. */
  @Test
  void admiraloncoConfirmedBorTest1() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("1", "CR 2020-02-01");
    expected.put("2", "SD 2020-02-01");
    expected.put("3", "SD 2020-01-01");
    expected.put("4", "SD 2020-03-01");
    expected.put("5", "NON-CR/NON-PD 2020-05-15");
    expected.put("6", "SD 2020-03-30");
    expected.put("7", "NE 2020-02-06");
    expected.put("8", "MISSING");
    expected.put("9", "PD 2020-02-16");
    check(new BorSettings(true, 28, 28, 1, false), expected);
  }

  /** Confirmed BOR, Test 2 of admiralonco (confirm 14 days, no NE allowed, accept_sd). */
  @Test
  void admiraloncoConfirmedBorTest2() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("1", "PR 2020-01-01");
    expected.put("2", "PR 2020-02-01");
    expected.put("3", "CR 2019-11-12");
    expected.put("4", "SD 2020-03-01");
    expected.put("5", "PR 2020-01-01");
    expected.put("6", "SD 2020-03-30");
    // subject 7 (ND only) and 8 (missing_as_ne) exercise options checked elsewhere
    expected.put("9", "PD 2020-02-16");
    check(new BorSettings(true, 14, 28, 0, true), expected);
  }

  /** BOR without confirmation, Test 1 of admiralonco derive_param_bor (window 28). */
  @Test
  void admiraloncoBorTest1() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("1", "CR 2020-02-01");
    expected.put("2", "CR 2020-03-13");
    expected.put("3", "CR 2019-11-12");
    expected.put("4", "PR 2020-01-01");
    expected.put("5", "PR 2020-01-01");
    expected.put("6", "CR 2020-02-16");
    expected.put("7", "CR 2020-02-16");
    expected.put("8", "MISSING");
    check(new BorSettings(false, 28, 28, 1, false), expected);
  }

  /**
   * RECIST 1.1 (Eisenhauer 2009) Table 3, best overall response when confirmation is required, time
   * points 42 days apart, minimum SD duration met (first assessment on day 42, window 42).
   */
  @ParameterizedTest(name = "{0} then {1} -> {2}")
  @CsvSource({
    "CR, CR, CR",
    "CR, PR, SD",
    "CR, SD, SD",
    "CR, PD, SD",
    "CR, NE, SD",
    "PR, CR, PR",
    "PR, PR, PR",
    "PR, SD, SD",
    "PR, PD, SD",
    "PR, NE, SD",
    "NE, NE, NE",
  })
  void recistTableMinimumMet(String first, String later, String bor) {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {42, 84}, first, later);
    assertEquals(bor, r.bor());
  }

  /**
   * RECIST 1.1 Table 3 when the SD minimum is not met (assessments on days 14 and 35, window 42):
   * "otherwise PD" / "otherwise NE". CR then SD gives NE here (admiralonco: an SD before the window
   * is NE; no PD was observed), where the RECIST table says PD.
   */
  @ParameterizedTest(name = "{0} then {1} -> {2}")
  @CsvSource({
    "CR, PD, PD",
    "CR, NE, NE",
    "PR, PD, PD",
    "PR, NE, NE",
    "CR, SD, NE",
    "PR, SD, NE",
  })
  void recistTableMinimumNotMet(String first, String later, String bor) {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {14, 35}, first, later);
    assertEquals(bor, r.bor());
  }

  @Test
  void workedSequencesOfTheConventions() {
    BorSettings s = new BorSettings(true, 28, 28, 1, false);
    assertEquals(
        "CR", derive(s, new int[] {0, 31, 46, 60, 91}, "PR", "CR", "NE", "CR", "SD").bor());
    assertEquals("SD", derive(s, new int[] {2, 62, 93, 123}, "PR", "SD", "SD", "PR").bor());
    assertEquals("PD", derive(s, new int[] {15, 34}, "PD", "SD").bor());
  }

  @Test
  void neBetweenResponseAndConfirmation() {
    BorSettings s = BorSettings.DEFAULT;
    BorResult one = derive(s, new int[] {42, 70, 98}, "PR", "NE", "PR");
    assertEquals("PR", one.bor());
    assertTrue(one.confirmed());
    assertEquals(2, one.confirmingIndex());
    BorResult twoNe = derive(s, new int[] {42, 63, 84, 105}, "PR", "NE", "NE", "PR");
    assertEquals("SD", twoNe.bor());
    assertTrue(
        twoNe.reason().contains("2 NE before the PR on day 105 (at most 1 allowed)"),
        twoNe.reason());
    BorSettings two = new BorSettings(true, 28, 42, 2, false);
    assertEquals("PR", derive(two, new int[] {42, 63, 84, 105}, "PR", "NE", "NE", "PR").bor());
    assertEquals("SD", derive(s, new int[] {42, 63, 84, 105}, "CR", "NE", "NE", "CR").bor());
  }

  @Test
  void acceptSdBetweenPrs() {
    BorSettings no = BorSettings.DEFAULT;
    BorSettings yes = new BorSettings(true, 28, 42, 1, true);
    BorResult r = derive(no, new int[] {42, 63, 84}, "PR", "SD", "PR");
    assertEquals("SD", r.bor());
    assertEquals(0, r.decidingIndex());
    assertTrue(
        r.reason()
            .contains(
                "PR on day 42 not confirmed (1 SD before the PR on day 84 (--accept-sd off))"),
        r.reason());
    assertEquals("PR", derive(yes, new int[] {42, 63, 84}, "PR", "SD", "PR").bor());
    assertEquals("SD", derive(yes, new int[] {42, 56, 70, 84}, "PR", "SD", "SD", "PR").bor());
    // an SD never sits between CRs
    assertEquals("SD", derive(yes, new int[] {42, 63, 84}, "CR", "SD", "CR").bor());
  }

  @Test
  void sdTooEarlyThenPd() {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {21, 49}, "SD", "PD");
    assertEquals("PD", r.bor());
    assertEquals(1, r.decidingIndex());
    assertEquals(1, r.firstPdIndex());
    BorResult onlyEarly = derive(BorSettings.DEFAULT, new int[] {21}, "SD");
    assertEquals("NE", onlyEarly.bor());
    // the window is inclusive: day 42 counts (ADT >= reference + 42)
    assertEquals("SD", derive(BorSettings.DEFAULT, new int[] {42}, "SD").bor());
    assertEquals("NE", derive(BorSettings.DEFAULT, new int[] {41}, "SD").bor());
  }

  @Test
  void confirmationIntervalIsInclusive() {
    assertEquals("CR", derive(BorSettings.DEFAULT, new int[] {42, 70}, "CR", "CR").bor());
    assertEquals("SD", derive(BorSettings.DEFAULT, new int[] {42, 69}, "CR", "CR").bor());
  }

  @Test
  void prConfirmedByCrStaysPr() {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {42, 84}, "PR", "CR");
    assertEquals("PR", r.bor());
    assertEquals(0, r.decidingIndex());
    assertEquals(1, r.confirmingIndex());
    assertEquals(
        "CR", derive(BorSettings.DEFAULT, new int[] {42, 84, 112}, "PR", "CR", "CR").bor());
    // a PR after a CR inside the confirmation period breaks the PR confirmation
    assertEquals("SD", derive(BorSettings.DEFAULT, new int[] {42, 56, 84}, "PR", "CR", "PR").bor());
  }

  @Test
  void assessmentsAfterFirstPdAreIgnored() {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {42, 70, 100}, "CR", "PD", "CR");
    assertEquals("SD", r.bor());
    assertFalse(r.used()[2]);
    assertTrue(r.reason().contains("1 after first PD ignored"), r.reason());
  }

  @Test
  void newTherapyCutsAssessmentsOnAndAfterItsStart() {
    int[] days = {42, 84};
    OverallResponse[] c = codes("PR", "PR");
    assertEquals("PR", BestOverallResponse.derive(days, c, 100, BorSettings.DEFAULT).bor());
    BorResult cut = BestOverallResponse.derive(days, c, 84, BorSettings.DEFAULT);
    assertEquals("SD", cut.bor());
    assertFalse(cut.used()[1]);
    assertTrue(cut.reason().contains("new anticancer therapy"), cut.reason());
    BorSettings noConfirm = BorSettings.DEFAULT.withConfirm(false);
    assertEquals("PR", BestOverallResponse.derive(days, c, 60, noConfirm).bor());
  }

  @Test
  void preReferenceAssessmentsIgnoredAndMissing() {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {-3}, "CR");
    assertEquals(BorResult.MISSING, r.bor());
    assertEquals(-1, r.decidingIndex());
    BorResult none = BestOverallResponse.derive(new int[0], codes(), 5, BorSettings.DEFAULT);
    assertEquals(BorResult.MISSING, none.bor());
    assertEquals("no usable assessment", none.reason());
  }

  @Test
  void unsortedInputAndIndices() {
    BorResult r = derive(BorSettings.DEFAULT, new int[] {84, 42, 10}, "PR", "PR", "SD");
    assertEquals("PR", r.bor());
    assertEquals(1, r.decidingIndex());
    assertEquals(0, r.confirmingIndex());
    assertEquals(1, r.firstResponseIndex());
    assertEquals(0, r.lastAdequateIndex());
  }

  @Test
  void ndRanksBelowNe() {
    assertEquals("ND", derive(BorSettings.DEFAULT, new int[] {50}, "ND").bor());
    assertEquals("NE", derive(BorSettings.DEFAULT, new int[] {50, 60}, "ND", "NE").bor());
    assertEquals("SD", derive(BorSettings.DEFAULT, new int[] {42, 56, 84}, "PR", "ND", "PR").bor());
  }

  @Test
  void rejectsDuplicateDays() {
    assertThrows(
        IllegalArgumentException.class,
        () -> derive(BorSettings.DEFAULT, new int[] {42, 42}, "PR", "SD"));
  }

  private static void check(BorSettings s, Map<String, String> expected) {
    for (String[] subj : ADMIRALONCO) {
      String want = expected.get(subj[0]);
      if (want == null) {
        continue;
      }
      LocalDate ref = LocalDate.parse(subj[1]);
      List<LocalDate> dates = new ArrayList<>();
      List<String> cs = new ArrayList<>();
      if (!subj[2].isEmpty()) {
        for (String a : subj[2].split("\\|")) {
          String[] p = a.split(" ");
          dates.add(LocalDate.parse(p[0]));
          cs.add(p[1]);
        }
      }
      int[] days = new int[dates.size()];
      for (int i = 0; i < days.length; i++) {
        days[i] = (int) (dates.get(i).toEpochDay() - ref.toEpochDay());
      }
      BorResult r =
          BestOverallResponse.derive(
              days, codes(cs.toArray(new String[0])), BestOverallResponse.NO_NEW_THERAPY, s);
      String got = r.decidingIndex() < 0 ? r.bor() : r.bor() + " " + dates.get(r.decidingIndex());
      assertEquals(want, got, "subject " + subj[0] + ": " + r.reason());
    }
  }

  private static BorResult derive(BorSettings s, int[] days, String... cs) {
    return BestOverallResponse.derive(days, codes(cs), BestOverallResponse.NO_NEW_THERAPY, s);
  }

  private static OverallResponse[] codes(String... cs) {
    OverallResponse[] out = new OverallResponse[cs.length];
    for (int i = 0; i < cs.length; i++) {
      out[i] = OverallResponse.parse(cs[i]);
    }
    return out;
  }
}
