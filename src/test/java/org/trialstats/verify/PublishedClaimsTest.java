package org.trialstats.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialstats.report.VerifyReport;

/**
 * The shipped datasets/published/claims.csv checked with R's limits (golden/verify/
 * binomial_limits.csv covers every n of the file): every published CI is reproduced by
 * Clopper–Pearson except the FDA figure for untreated BRAF V600E NSCLC (22/36: R gives 43.46–76.86,
 * printed 44–77), and the response package gives the same verdicts and methods.
 */
class PublishedClaimsTest {
  static final Path CLAIMS = Path.of("datasets/published/claims.csv");

  @Test
  void publishedClaimsAgainstRReferenceLimits() {
    RReferenceIntervals r = new RReferenceIntervals();
    List<VerifyResult> res = VerifyReport.verify(CLAIMS, r, null, List.of());
    assertTrue(res.size() >= 15, "at least 15 published claims, found " + res.size());
    for (VerifyResult v : res) {
      assertTrue(r.covers(v.n()), "R reference lacks n = " + v.n() + " (rerun generate.R)");
      if (v.claimId().equals("BRF113928-naive-FDA")) {
        assertEquals(Verdict.NOT_REPRODUCED, v.verdict(), v.note());
        assertEquals("22", v.responders());
        assertTrue(v.note().startsWith("responders inferred from the estimate: 22; nearest: "));
      } else {
        assertEquals(Verdict.REPRODUCED, v.verdict(), v.claimId() + ": " + v.note());
        if (!v.reportedLow().isEmpty()) {
          assertEquals("clopper-pearson", v.matchingMethods().get(0), v.claimId());
        }
      }
    }
    VerifyResult frame = res.get(0);
    assertEquals("FRAME-LGSOC-ORR", frame.claimId());
    assertEquals(List.of("clopper-pearson"), frame.matchingMethods());
  }

  @Test
  void responsePackageGivesTheSameVerdictsAsR() {
    List<VerifyResult> a = VerifyReport.verify(CLAIMS, new RReferenceIntervals(), null, List.of());
    List<VerifyResult> b = VerifyReport.verify(CLAIMS, new ResponseIntervals(), null, List.of());
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).verdict(), b.get(i).verdict(), a.get(i).claimId());
      assertEquals(a.get(i).matchingMethods(), b.get(i).matchingMethods(), a.get(i).claimId());
      assertEquals(a.get(i).responders(), b.get(i).responders(), a.get(i).claimId());
    }
  }

  @Test
  void reportEntryPointGivesResultsAndAnHtmlFragment() {
    List<VerifyResult> res = VerifyReport.verify(CLAIMS);
    String html = VerifyReport.htmlFragment(res);
    assertTrue(html.startsWith("<section class=\"verify\">"));
    assertTrue(html.contains(res.size() + " published figures checked"), html.substring(0, 200));
    assertEquals(
        res.size(),
        html.substring(0, html.indexOf("</tbody>"))
                .split("<tr class=\"(reproduced|not-reproduced|inconsistent-estimate)\"><td>", -1)
                .length
            - 1);
    assertTrue(html.contains("BRF113928-naive-FDA"));
    assertTrue(VerifyReport.htmlPage(res, "t").contains(VerifyReport.CSS));
  }
}
