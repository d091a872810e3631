package org.trialstats.survival;

/** Stable index sort of a primitive double key (no boxing; merge sort, O(n log n)). */
final class SortIndex {
  private SortIndex() {}

  /** Indices that put {@code key} in ascending order, ties kept in input order. */
  static int[] ascending(double[] key) {
    int n = key.length;
    int[] idx = new int[n];
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      if (i > 0 && key[i] < key[i - 1]) {
        sorted = false;
      }
    }
    if (sorted) {
      return idx;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = key[idx[j]] < key[idx[i]] ? idx[j++] : idx[i++];
        }
        while (i < mid) {
          tmp[k++] = idx[i++];
        }
        while (j < hi) {
          tmp[k++] = idx[j++];
        }
      }
      int[] t = idx;
      idx = tmp;
      tmp = t;
    }
    return idx;
  }
}
