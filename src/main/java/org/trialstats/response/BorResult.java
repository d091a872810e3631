package org.trialstats.response;

/**
 * Best overall response of one subject.
 *
 * @param bor the best overall response code ({@code CR}, {@code PR}, {@code SD}, {@code
 *     NON-CR/NON-PD}, {@code PD}, {@code NE}, {@code ND}), or {@code MISSING} when no assessment
 *     was usable
 * @param confirmed for a CR or PR: whether it is confirmed by a later assessment under the
 *     confirmation rules (always true for CR/PR when confirmation is required); false otherwise
 * @param decidingIndex index (into the input arrays) of the assessment that gives the BOR, -1 when
 *     MISSING
 * @param confirmingIndex index of the confirmatory assessment of a confirmed CR/PR, else -1
 * @param firstResponseIndex index of the first CR or PR among the assessments used, else -1
 * @param firstPdIndex index of the first PD among the assessments used, else -1
 * @param lastAdequateIndex index of the last assessment used with CR, PR, SD or NON-CR/NON-PD, else
 *     -1
 * @param used which input assessments entered the derivation (on/after the reference day, before
 *     new therapy, up to and including the first PD)
 * @param reason a one-line explanation for reviewers, with days counted from the reference date
 */
public record BorResult(
    String bor,
    boolean confirmed,
    int decidingIndex,
    int confirmingIndex,
    int firstResponseIndex,
    int firstPdIndex,
    int lastAdequateIndex,
    boolean[] used,
    String reason) {

  /** The BOR code for subjects without any usable assessment (admiralonco's value). */
  public static final String MISSING = "MISSING";

  public BorResult {
    used = used.clone();
  }

  @Override
  public boolean[] used() {
    return used.clone();
  }

  /** True for a CR or PR best overall response. */
  public boolean responder() {
    return bor.equals("CR") || bor.equals("PR");
  }
}
