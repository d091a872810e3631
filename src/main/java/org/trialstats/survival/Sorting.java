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
    if (n >= RADIX_MIN) {
      DenseRanks r = denseRanks(key);
      if (r != null) {
        int[] start = r.starts();
        for (int i = 0; i < n; i++) {
          a[start[r.rank()[i]]++] = i;
        }
        return a;
      }
      if (nonNegative(key)) {
        return radix(key, a);
      }
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

  /**
   * Dense ranks of the keys: {@code rank[i]} is the number of distinct values below {@code key[i]}
   * (-0.0 ties with 0.0, as under {@code <}); {@code distinct} the number of distinct values.
   */
  record DenseRanks(int[] rank, int distinct) {
    /** Where each rank's block starts in sorted order (a counting sort's prefix sums). */
    int[] starts() {
      int[] start = new int[distinct + 1];
      for (int k : rank) {
        start[k + 1]++;
      }
      for (int k = 1; k <= distinct; k++) {
        start[k] += start[k - 1];
      }
      return start;
    }
  }

  /** At most this many distinct values are ranked through the hash table (it stays in cache). */
  static final int DENSE_MAX = 1 << 16;

  /**
   * Dense ranks when the keys have few distinct values (at most {@link #DENSE_MAX} and a quarter of
   * n; times recorded in days or with two decimals), else null (also when a key is NaN). One pass
   * through an open-addressing table of the values, a sort of the distinct values only: a stable
   * counting sort by rank is then one more pass, much cheaper than a radix sort's four.
   */
  static DenseRanks denseRanks(double[] key) {
    int n = key.length;
    int max = Math.min(DENSE_MAX, Math.max(1, n / 4));
    int bits = 32 - Integer.numberOfLeadingZeros(max) + 1; // table at least 2x max: load <= 1/2
    int cap = 1 << bits;
    long[] slotKey = new long[cap];
    int[] slotId = new int[cap]; // distinct index + 1; 0 = empty
    double[] values = new double[Math.min(max, 1024)];
    int nd = 0;
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      double v = key[i];
      if (v != v) {
        return null;
      }
      long b = v == 0 ? 0L : Double.doubleToRawLongBits(v);
      int h = (int) ((b * 0x9E3779B97F4A7C15L) >>> (64 - bits));
      int found;
      while (true) {
        int s = slotId[h];
        if (s == 0) {
          if (nd == max) {
            return null; // too many distinct values: the radix or merge sort is better
          }
          if (nd == values.length) {
            values = java.util.Arrays.copyOf(values, Math.min(max, nd * 2));
          }
          values[nd] = v == 0 ? 0.0 : v;
          slotKey[h] = b;
          slotId[h] = ++nd;
          found = nd - 1;
          break;
        }
        if (slotKey[h] == b) {
          found = s - 1;
          break;
        }
        h = (h + 1) & (cap - 1);
      }
      id[i] = found;
    }
    double[] sorted = java.util.Arrays.copyOf(values, nd);
    java.util.Arrays.sort(sorted);
    int[] rankOf = new int[nd];
    for (int j = 0; j < nd; j++) {
      rankOf[j] = java.util.Arrays.binarySearch(sorted, values[j]);
    }
    for (int i = 0; i < n; i++) {
      id[i] = rankOf[id[i]];
    }
    return new DenseRanks(id, nd);
  }

  /** Below this size the merge sort wins (the radix histogram has 65536 buckets). */
  static final int RADIX_MIN = 1 << 14;

  private static boolean nonNegative(double[] key) {
    for (double v : key) {
      if (!(v >= 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Stable LSD radix sort on the IEEE-754 bits (for non-negative doubles the bit patterns order as
   * the values; -0.0 is mapped to +0.0 so it ties with 0 as under {@code <}): four passes of 16
   * bits, a pass skipped when every key has the same digit (e.g. the sign/exponent digit of times
   * of similar magnitude). O(n) time; about 3x faster than the merge sort at n = 1e6.
   */
  private static int[] radix(double[] key, int[] a) {
    int n = key.length;
    long[] ka = new long[n];
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(key[i]);
      ka[i] = bits == Long.MIN_VALUE ? 0L : bits;
    }
    long[] kb = new long[n];
    int[] b = new int[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      java.util.Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (ka[i] >>> shift) & 0xFFFF]++;
      }
      if (count[(int) (ka[0] >>> shift) & 0xFFFF] == n) {
        continue; // every key has this digit: the pass would not move anything
      }
      int sum = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long k = ka[i];
        int pos = count[(int) (k >>> shift) & 0xFFFF]++;
        kb[pos] = k;
        b[pos] = a[i];
      }
      long[] kt = ka;
      ka = kb;
      kb = kt;
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }
}
