package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Sorting#orderBy}: merge sort (small or negative keys) and radix sort (large non-negative
 * keys) both equal Java's stable sort of the indices under {@code <} (ties in index order).
 */
class SortingTest {
  static int[] reference(double[] key) {
    Integer[] idx = new Integer[key.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    // TimSort is stable; -0.0 and 0.0 compare equal as under <
    Arrays.sort(idx, (x, y) -> key[x] < key[y] ? -1 : key[x] > key[y] ? 1 : 0);
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  @Test
  void radixAndMergeSortAreStableAndEqualTheReference() {
    SplittableRandom rng = new SplittableRandom(8);
    for (int n : new int[] {0, 1, 7, 1000, Sorting.RADIX_MIN, 100_000}) {
      double[] ties = new double[n];
      double[] wide = new double[n];
      double[] signed = new double[n];
      for (int i = 0; i < n; i++) {
        ties[i] = Math.round(rng.nextDouble() * 6000) / 100.0; // 2 decimals, many ties
        if (i % 97 == 0) {
          ties[i] = i % 2 == 0 ? 0.0 : -0.0;
        }
        wide[i] = Math.exp(rng.nextDouble() * 80 - 40); // exponents spread widely
        signed[i] = rng.nextDouble() - 0.5; // negatives: merge sort path
      }
      for (double[] key : new double[][] {ties, wide, signed}) {
        assertArrayEquals(reference(key), Sorting.orderBy(key), "n = " + n);
      }
    }
  }
}
