package org.trialstats.verify;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;

/**
 * The {@link IntervalSource} of the response package: every {@link BinomialMethod}, Clopper–Pearson
 * first, computed by {@link BinomialInterval#compute}. Formulas and sources are documented there.
 */
public final class ResponseIntervals implements IntervalSource {
  private final List<BinomialMethod> methods;
  private final List<String> names;

  /** All methods in the response package's order (Clopper–Pearson first). */
  public ResponseIntervals() {
    this(List.of(BinomialMethod.values()));
  }

  /** The given methods; Clopper–Pearson is moved first when present. */
  public ResponseIntervals(List<BinomialMethod> methods) {
    List<BinomialMethod> m = new ArrayList<>(methods);
    if (m.remove(BinomialMethod.CLOPPER_PEARSON)) {
      m.add(0, BinomialMethod.CLOPPER_PEARSON);
    }
    this.methods = List.copyOf(m);
    this.names = this.methods.stream().map(BinomialMethod::id).toList();
  }

  @Override
  public List<String> methods() {
    return names;
  }

  @Override
  public double[] limits(String method, int x, int n, double level) {
    BinomialInterval ci = BinomialInterval.compute(BinomialMethod.parse(method), x, n, level);
    return new double[] {ci.lower(), ci.upper()};
  }
}
