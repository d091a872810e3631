package org.trialstats.survival;

/** Primitive sorting helpers (no boxing: one million subjects must stay cheap). */
final class Sorting {
  private Sorting() {}

  /**
   * The permutation that sorts {@code key} ascending, stable (ties keep index order): a bottom-up
   * merge sort on int indices, O(n log n) time, two int arrays of extra memory.
   */
  static int[] orderBy(double[] key) {
    int n = key.length;
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    // already sorted (common for sorted files): nothing to do
    boolean sorted = true;
    for (int i = 1; i < n && sorted; i++) {
      sorted = key[i - 1] <= key[i];
    }
    if (sorted) {
      return a;
    }
    // bottom-up merge sort that carries the keys with the indices (sequential memory access)
    double[] ka = key.clone();
    double[] kb = new double[n];
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        if (mid >= hi || ka[mid - 1] <= ka[mid]) {
          System.arraycopy(ka, lo, kb, lo, hi - lo);
          System.arraycopy(a, lo, b, lo, hi - lo);
          continue;
        }
        while (i < mid && j < hi) {
          if (ka[j] < ka[i]) {
            kb[k] = ka[j];
            b[k++] = a[j++];
          } else {
            kb[k] = ka[i];
            b[k++] = a[i++];
          }
        }
        while (i < mid) {
          kb[k] = ka[i];
          b[k++] = a[i++];
        }
        while (j < hi) {
          kb[k] = ka[j];
          b[k++] = a[j++];
        }
      }
      int[] tmp = a;
      a = b;
      b = tmp;
      double[] kt = ka;
      ka = kb;
      kb = kt;
    }
    return a;
  }
}
