package org.trialstats.response;

/**
 * One Simon two-stage design: stop for futility after stage 1 if at most {@code r1} of {@code n1}
 * respond; declare the treatment promising at the end if more than {@code r} of {@code n} respond.
 *
 * @param r1 stage-1 futility boundary (stop when responses &lt;= r1)
 * @param n1 stage-1 sample size
 * @param r final boundary (promising when responses &gt; r)
 * @param n total sample size
 * @param en0 expected sample size under p0
 * @param pet0 probability of early termination under p0
 * @param alpha attained type I error, P(reject H0 | p0)
 * @param power attained power, P(reject H0 | p1)
 */
public record SimonDesign(
    int r1, int n1, int r, int n, double en0, double pet0, double alpha, double power) {}
