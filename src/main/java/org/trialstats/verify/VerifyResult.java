package org.trialstats.verify;

import java.util.List;

/**
 * The check of one published figure, ready for the verify CSV, JSON, text and HTML outputs.
 *
 * @param claimId the claim's id
 * @param kind {@code orr} for a response rate, {@code median} for a median survival time
 * @param responders the responder count shown (published, inferred, or several {@code ;}-separated
 *     candidates); empty for median claims
 * @param n the number of patients
 * @param reportedEstimate the printed estimate (text as printed, may be empty)
 * @param reportedLow the printed lower limit (may be empty)
 * @param reportedHigh the printed upper limit (may be empty)
 * @param recomputedEstimate the recomputed estimate in the printed unit (null when not unique)
 * @param matchingMethods the methods that reproduce the claim, Clopper–Pearson first
 * @param verdict the verdict
 * @param note what was found (rounding used, nearest method and differences, ...)
 * @param source where the figure was published
 * @param checks every method tried
 */
public record VerifyResult(
    String claimId,
    String kind,
    String responders,
    int n,
    String reportedEstimate,
    String reportedLow,
    String reportedHigh,
    Double recomputedEstimate,
    List<String> matchingMethods,
    Verdict verdict,
    String note,
    String source,
    List<MethodCheck> checks) {

  public VerifyResult {
    matchingMethods = List.copyOf(matchingMethods);
    checks = List.copyOf(checks);
    responders = responders == null ? "" : responders;
    reportedEstimate = reportedEstimate == null ? "" : reportedEstimate;
    reportedLow = reportedLow == null ? "" : reportedLow;
    reportedHigh = reportedHigh == null ? "" : reportedHigh;
    source = source == null ? "" : source;
  }
}
