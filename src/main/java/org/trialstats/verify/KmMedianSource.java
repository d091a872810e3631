package org.trialstats.verify;

import java.util.ArrayList;
import java.util.List;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KmQuantile;
import org.trialstats.survival.SurvivalData;

/**
 * The Kaplan–Meier medians of one data set under each convention a published median may have used:
 * R {@code survfit} (log transform, R quantile rules), SAS PROC LIFETEST (log-log, SAS rules) and
 * the plain transform (as pharmaverse tern), then the remaining transform/rule combinations. The
 * estimator, the Brookmeyer–Crowley limits and both rule sets are the survival package's ({@link
 * KaplanMeier}, {@link KmQuantile}).
 */
public final class KmMedianSource implements MedianSource {
  /** One convention: a CI transform with a quantile rule set. */
  record Variant(ConfType type, Convention rules) {
    String label() {
      return "brookmeyer-crowley/" + type.label() + " (" + rules.label() + ")";
    }
  }

  private static final List<Variant> VARIANTS =
      List.of(
          new Variant(ConfType.LOG, Convention.R),
          new Variant(ConfType.LOG_LOG, Convention.SAS),
          new Variant(ConfType.PLAIN, Convention.R),
          new Variant(ConfType.PLAIN, Convention.SAS),
          new Variant(ConfType.LOG_LOG, Convention.R),
          new Variant(ConfType.LOG, Convention.SAS));

  private final SurvivalData data;
  private final List<String> names = new ArrayList<>();

  /** The medians of (time, event). */
  public KmMedianSource(double[] time, boolean[] event) {
    this.data = SurvivalData.of(time, event);
    for (Variant v : VARIANTS) {
      names.add(v.label());
    }
  }

  @Override
  public List<String> conventions() {
    return names;
  }

  @Override
  public double[] median(String convention, double level) {
    Variant v = VARIANTS.get(names.indexOf(convention));
    KaplanMeier km = KaplanMeier.fit(data, v.type(), level);
    KmQuantile.Estimate e = KmQuantile.of(km, 0.5, v.rules());
    return new double[] {e.estimate(), e.lower(), e.upper()};
  }

  @Override
  public int n() {
    return data.size();
  }
}
