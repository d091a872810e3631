package org.trialstats.subgroup;

/**
 * Design matrices for a treatment-by-subgroup model with treatment-contrast (reference) coding, in
 * the column order R's {@code model.matrix(~ arm * level)} uses: intercept, the non-reference arms,
 * the non-reference levels, then the interactions with the arm index varying fastest ({@code
 * arm2:level2, arm3:level2, arm2:level3, ...}).
 */
public final class InteractionDesign {
  private InteractionDesign() {}

  /**
   * Builds the design.
   *
   * @param arm arm index per subject, 0 = reference
   * @param nArms number of arms
   * @param level subgroup level index per subject, 0 = reference level
   * @param nLevels number of levels
   * @param interaction whether to add the arm x level product columns
   * @param intercept whether to add the column of ones (a Cox model has none)
   */
  public static double[][] of(
      int[] arm, int nArms, int[] level, int nLevels, boolean interaction, boolean intercept) {
    if (arm.length != level.length) {
      throw new IllegalArgumentException("arm and level must have the same length");
    }
    int off = intercept ? 1 : 0;
    int p = off + (nArms - 1) + (nLevels - 1) + (interaction ? (nArms - 1) * (nLevels - 1) : 0);
    double[][] x = new double[arm.length][p];
    for (int i = 0; i < arm.length; i++) {
      int a = arm[i];
      int l = level[i];
      if (a < 0 || a >= nArms || l < 0 || l >= nLevels) {
        throw new IllegalArgumentException("arm or level index out of range at " + i);
      }
      if (intercept) {
        x[i][0] = 1;
      }
      if (a > 0) {
        x[i][off + a - 1] = 1;
      }
      if (l > 0) {
        x[i][off + nArms - 1 + l - 1] = 1;
      }
      if (interaction && a > 0 && l > 0) {
        x[i][off + (nArms - 1) + (nLevels - 1) + (l - 1) * (nArms - 1) + (a - 1)] = 1;
      }
    }
    return x;
  }
}
