package org.trialstats.survival;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Sorting#orderBy}: merge sort (small inputs, or negative keys with many distinct values),
 * counting sort by dense rank (few distinct values) and radix sort (large non-negative keys) all
 * equal Java's stable sort of the indices under {@code <} (ties in index order).
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
      double[] fewSigned = new double[n];
      double[] lateMany = new double[n];
      for (int i = 0; i < n; i++) {
        fewSigned[i] = Math.round((rng.nextDouble() - 0.5) * 200) / 10.0; // dense ranks, negatives
        if (i % 89 == 0) {
          fewSigned[i] = -0.0;
        }
        // few distinct values, then many: the dense ranking gives up part way
        lateMany[i] = i < n * 0.9 ? Math.round(rng.nextDouble() * 50) : rng.nextDouble() * 50;
        ties[i] = Math.round(rng.nextDouble() * 6000) / 100.0; // 2 decimals, many ties
        if (i % 97 == 0) {
          ties[i] = i % 2 == 0 ? 0.0 : -0.0;
        }
        wide[i] = Math.exp(rng.nextDouble() * 80 - 40); // exponents spread widely
        signed[i] = rng.nextDouble() - 0.5; // negatives: merge sort path
      }
      for (double[] key : new double[][] {ties, wide, signed, fewSigned, lateMany}) {
        assertArrayEquals(reference(key), Sorting.orderBy(key), "n = " + n);
      }
    }
  }

  @Test
  void denseRanksCountDistinctValuesBelowAndGiveUpOnManyValues() {
    double[] key = new double[40_000];
    for (int i = 0; i < key.length; i++) {
      key[i] = (i * 7919) % 100 - 50.0;
    }
    key[3] = -0.0;
    key[4] = 0.0;
    Sorting.DenseRanks r = Sorting.denseRanks(key);
    assertEquals(100, r.distinct());
    for (int i = 0; i < key.length; i++) {
      assertEquals((int) key[i] + 50, r.rank()[i]);
    }
    double[] many = new double[40_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = i;
    }
    assertNull(Sorting.denseRanks(many)); // more than a quarter of n distinct
    assertNull(Sorting.denseRanks(new double[] {1, Double.NaN, 1, 1, 1}));
  }
}
