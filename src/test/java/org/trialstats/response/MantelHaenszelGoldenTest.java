package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Stratified analysis against R mantelhaen.test and the Sato variance (golden/orr/strata.csv). */
class MantelHaenszelGoldenTest {
  @Test
  void matchesMantelhaenTestAndSato() throws IOException {
    for (Golden.Row r : Golden.read("strata.csv")) {
      String[] tabs = r.s("tables").split(";");
      int k = tabs.length;
      int[] x1 = new int[k];
      int[] n1 = new int[k];
      int[] x2 = new int[k];
      int[] n2 = new int[k];
      for (int h = 0; h < k; h++) {
        String[] v = tabs[h].split("/");
        x1[h] = Integer.parseInt(v[0]);
        n1[h] = Integer.parseInt(v[1]);
        x2[h] = Integer.parseInt(v[2]);
        n2[h] = Integer.parseInt(v[3]);
      }
      MantelHaenszel.Result m = MantelHaenszel.compute(x1, n1, x2, n2, r.d("conf_level"));
      String what = "dataset " + r.s("id");
      Golden.close(r.d("cmh"), m.cmh(), 1e-9, what + " cmh");
      Golden.close(r.d("cmh_p"), m.cmhP(), 1e-9, what + " cmh p");
      Golden.close(r.d("cmh_yates"), m.cmhYates(), 1e-9, what + " cmh yates");
      Golden.close(r.d("cmh_yates_p"), m.cmhYatesP(), 1e-9, what + " cmh yates p");
      Golden.close(r.d("mh_or"), m.orEstimate(), 1e-9, what + " MH OR");
      Golden.close(r.d("mh_or_lower"), m.orLower(), 1e-9, what + " MH OR lower");
      Golden.close(r.d("mh_or_upper"), m.orUpper(), 1e-9, what + " MH OR upper");
      Golden.close(r.d("mh_rd"), m.rdEstimate(), 1e-9, what + " MH RD");
      Golden.close(r.d("mh_rd_lower"), m.rdLower(), 1e-9, what + " MH RD lower");
      Golden.close(r.d("mh_rd_upper"), m.rdUpper(), 1e-9, what + " MH RD upper");
      assertEquals(k, m.usedStrata());
    }
  }

  @Test
  void singleSubjectStrataAreSkipped() {
    MantelHaenszel.Result a =
        MantelHaenszel.compute(
            new int[] {5, 6}, new int[] {12, 14}, new int[] {3, 4}, new int[] {11, 13}, 0.95);
    MantelHaenszel.Result b =
        MantelHaenszel.compute(
            new int[] {5, 6, 1},
            new int[] {12, 14, 1},
            new int[] {3, 4, 0},
            new int[] {11, 13, 0},
            0.95);
    assertEquals(2, b.usedStrata());
    assertEquals(a.cmh(), b.cmh(), 0.0);
    assertEquals(a.orEstimate(), b.orEstimate(), 0.0);
  }
}
