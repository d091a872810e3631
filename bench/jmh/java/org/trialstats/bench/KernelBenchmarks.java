package org.trialstats.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.CountTable;
import org.trialstats.survival.CoxAggregated;
import org.trialstats.survival.CoxFit;
import org.trialstats.survival.CoxModel;
import org.trialstats.survival.CoxTies;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.LogRank;
import org.trialstats.survival.SurvivalData;

/**
 * Core kernels at n = 1e6 (the bench dataset's design: 2 arms, 3 strata, exponential times with 2
 * decimals, uniform censoring). Run: {@code mvn -Pjmh test-compile exec:exec} (see
 * bench/README.md). Not part of the unit tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class KernelBenchmarks {
  @Param({"1000000"})
  int n;

  double[] time;
  boolean[] event;
  int[] arm;
  int[] stratum;
  SurvivalData data;
  CountTable pooled;
  CountTable byStratum;
  double[][] x;

  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(20261126L);
    double[] base = {0.02, 0.035, 0.05};
    time = new double[n];
    event = new boolean[n];
    arm = new int[n];
    stratum = new int[n];
    for (int i = 0; i < n; i++) {
      arm[i] = rng.nextInt(2);
      stratum[i] = rng.nextInt(3);
      double h = base[stratum[i]] * (arm[i] == 1 ? 0.75 : 1.0);
      double t = -Math.log(1 - rng.nextDouble()) / h;
      double c = 6 + 54 * rng.nextDouble();
      event[i] = t <= c;
      time[i] = Math.max(0.01, Math.round(Math.min(t, c) * 100) / 100.0);
    }
    data = prepare();
    pooled = data.counts(false);
    byStratum = data.counts(true);
    double[] col = new double[n];
    for (int k = 0; k < n; k++) {
      col[k] = data.group(k);
    }
    x = new double[][] {col};
  }

  /** Sort by time, timefix, arrays in sorted order. */
  @Benchmark
  public SurvivalData prepare() {
    return SurvivalData.of(
        time,
        event,
        arm,
        List.of("Control", "Experimental"),
        stratum,
        List.of("S1", "S2", "S3"),
        SurvivalData.R_TIMEFIX_TOLERANCE);
  }

  /** Per-time counts by stratum x arm (one pass plus a counting sort by stratum). */
  @Benchmark
  public CountTable countTable() {
    return data.counts(true);
  }

  /** Kaplan-Meier of one arm with log CIs, from the pooled count table. */
  @Benchmark
  public KaplanMeier kaplanMeier() {
    return KaplanMeier.fit(pooled, 0, 1, false, ConfType.LOG, 0.95);
  }

  /** Stratified log-rank from the count table. */
  @Benchmark
  public LogRank.Result logRank() {
    return LogRank.test(byStratum, LogRank.Test.LOGRANK);
  }

  /** Stratified Cox (Efron), subject level: sorting plus Newton-Raphson, one pass per iteration. */
  @Benchmark
  public CoxFit coxSubjectLevel() {
    return CoxModel.fit(data.times(), data.events(), data.strata(), x, CoxTies.EFRON);
  }

  /** Stratified Cox (Efron) from the count table (what km --hr uses). */
  @Benchmark
  public CoxFit coxAggregated() {
    return CoxAggregated.fit(byStratum, CoxTies.EFRON);
  }

  /** Clopper-Pearson interval at n = 1e6 (beta quantiles). */
  @Benchmark
  public BinomialInterval clopperPearson() {
    return BinomialInterval.compute(BinomialMethod.CLOPPER_PEARSON, n / 3, n, 0.95);
  }
}
