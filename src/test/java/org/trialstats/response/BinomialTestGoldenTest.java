package org.trialstats.response;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Exact binomial tests against R {@code binom.test} (golden/orr/binom_test.csv). */
class BinomialTestGoldenTest {
  @Test
  void matchesBinomTest() throws IOException {
    for (Golden.Row r : Golden.read("binom_test.csv")) {
      BinomialTest t = BinomialTest.compute(r.i("x"), r.i("n"), r.d("p0"));
      String what =
          "x=" + r.i("x") + " n=" + r.i("n") + " p0=" + r.d("p0") + " (line " + r.line() + ")";
      Golden.close(r.d("p_greater"), t.pUpper(), 1e-9, what + " greater");
      Golden.close(r.d("p_two_sided"), t.pTwoSided(), 1e-9, what + " two-sided");
    }
  }

  @Test
  void rejectsBadP0() {
    assertThrows(IllegalArgumentException.class, () -> BinomialTest.compute(3, 10, 0));
    assertThrows(IllegalArgumentException.class, () -> BinomialTest.compute(3, 10, 1));
  }
}
