package org.trialstats.subgroup;

/**
 * Treatment-by-subgroup interaction test for a binary response: logistic regression of {@code
 * response ~ arm + level} (reduced) versus {@code response ~ arm * level} (full), compared by a
 * likelihood-ratio test (R: {@code anova(glm(y ~ arm + v, binomial), glm(y ~ arm * v, binomial),
 * test = "LRT")}).
 */
public final class LogisticInteraction {
  private LogisticInteraction() {}

  /** The two fits and the test. */
  public record Result(
      LogisticRegression.Fit reduced, LogisticRegression.Fit full, LikelihoodRatio test) {}

  /**
   * Runs the test.
   *
   * @param arm arm index per subject (0 = reference)
   * @param nArms number of arms
   * @param level subgroup level index per subject (0 = reference level)
   * @param nLevels number of levels
   * @param response true for a responder
   */
  public static Result test(int[] arm, int nArms, int[] level, int nLevels, boolean[] response) {
    double[] y = new double[response.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = response[i] ? 1 : 0;
    }
    LogisticRegression.Fit reduced =
        LogisticRegression.fit(InteractionDesign.of(arm, nArms, level, nLevels, false, true), y);
    LogisticRegression.Fit full =
        LogisticRegression.fit(InteractionDesign.of(arm, nArms, level, nLevels, true, true), y);
    LikelihoodRatio lr =
        LikelihoodRatio.of(
            reduced.logLik(),
            full.logLik(),
            full.rank() - reduced.rank(),
            reduced.separated() || full.separated() || !reduced.converged() || !full.converged());
    return new Result(reduced, full, lr);
  }
}
