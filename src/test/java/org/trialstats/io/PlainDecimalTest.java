package org.trialstats.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast decimal path of {@link Columns} gives exactly {@link Double#parseDouble}'s double. */
class PlainDecimalTest {
  @Test
  void sameBitsAsParseDouble() {
    SplittableRandom rng = new SplittableRandom(42);
    for (int i = 0; i < 200_000; i++) {
      int decimals = rng.nextInt(0, 12);
      double v = rng.nextDouble() * Math.pow(10, rng.nextInt(0, 8));
      String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
      double fast = Columns.plainDecimal(s);
      assertTrue(!Double.isNaN(fast) || s.replace(".", "").replaceFirst("^0+", "").length() > 15);
      if (!Double.isNaN(fast)) {
        assertEquals(
            Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(fast), s);
      }
    }
    for (String s : new String[] {"0", "5.", ".5", "007.250", "0.000", "123456789012345", "0.1"}) {
      assertEquals(Double.parseDouble(s), Columns.plainDecimal(s), s);
    }
  }

  @Test
  void otherFormsAreLeftToTheGeneralParser() {
    for (String s :
        new String[] {
          ".", "-1", "+1", "1e5", "1.2.3", "NaN", "Infinity", "1,5", " 1", "1234567890123456", "0x1"
        }) {
      assertTrue(Double.isNaN(Columns.plainDecimal(s)), s);
    }
  }
}
