package org.trialstats.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.Columns;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.report.ForestPlot;
import org.trialstats.report.ResultRow;
import org.trialstats.response.BinomialInterval;
import org.trialstats.response.BinomialMethod;
import org.trialstats.response.DifferenceMethod;
import org.trialstats.response.RiskDifference;
import org.trialstats.subgroup.Cuts;
import org.trialstats.subgroup.LikelihoodRatio;
import org.trialstats.subgroup.LogisticInteraction;
import org.trialstats.subgroup.Multiplicity;
import org.trialstats.subgroup.SubgroupEffects;
import org.trialstats.survival.ConfType;
import org.trialstats.survival.Convention;
import org.trialstats.survival.CoxTies;
import org.trialstats.survival.KaplanMeier;
import org.trialstats.survival.KmQuantile;
import org.trialstats.survival.SurvivalData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats subgroups}: treatment effect by subgroup level with an interaction test, as a
 * tidy table and optionally a forest plot (SVG).
 */
@Command(
    name = "subgroups",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Treatment effect within subgroup levels (Cox hazard ratio or odds ratio / difference in"
          + " response rate), per-arm medians or response rates, and a likelihood-ratio test of"
          + " the treatment x subgroup interaction per variable; optional forest plot (--plot).",
      "Without --by: per-level median or response rate with CI (single-arm study).",
      "P-values are unadjusted for multiplicity unless --adjust holm|bh is given."
    })
public final class SubgroupsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataOptions data;
  @Mixin SurvivalOptions surv;
  @Mixin ConfidenceOptions conf;
  @Mixin OutputOptions output;

  /** Endpoint types. */
  enum Endpoint {
    TTE,
    RESPONSE
  }

  /** The effect shown in the forest plot for a response endpoint. */
  enum Effect {
    ODDS_RATIO,
    DIFFERENCE
  }

  /** Multiplicity adjustment choices. */
  enum Adjust {
    NONE,
    HOLM,
    BH
  }

  @Option(
      names = "--endpoint",
      paramLabel = "tte|response",
      defaultValue = "tte",
      description = "Time-to-event (--time/--censor) or binary response (--response).")
  Endpoint endpoint;

  @Option(
      names = "--subgroups",
      paramLabel = "COL[,COL...]",
      split = ",",
      description = "Subgroup variables (from --data or --adsl), e.g. SEX,AGEGR1,REGION1.")
  List<String> subgroups = new ArrayList<>();

  @Option(
      names = "--cut",
      paramLabel = "COL:SPEC",
      description =
          "Cut a continuous variable: COL:65 (<65 / >=65), COL:50,65 (three levels) or COL:q2"
              + " (median split; q3 tertiles, q4 quartiles; R quantile type 7). Repeatable; the"
              + " variable is added to --subgroups if missing.")
  List<String> cuts = new ArrayList<>();

  @Option(
      names = "--response",
      paramLabel = "COL",
      defaultValue = "AVALC",
      description = "Response column for --endpoint response (default: ${DEFAULT-VALUE}).")
  String response;

  @Option(
      names = "--responder-values",
      paramLabel = "V[,V...]",
      split = ",",
      defaultValue = "CR,PR",
      description =
          "Values of --response counted as response, compared ignoring case (default:"
              + " ${DEFAULT-VALUE}; e.g. 1 or Y for a flag). An empty response counts as"
              + " non-response, as in orr (a note gives the number).")
  List<String> responders;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = "clopper-pearson",
      description = "Interval for response rates (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--diff-method",
      paramLabel = "METHOD",
      defaultValue = "newcombe",
      description =
          "Interval for the difference in response rates: newcombe, miettinen-nurminen, wald"
              + " (default: ${DEFAULT-VALUE}).")
  String diffMethod;

  @Option(
      names = "--effect",
      paramLabel = "odds-ratio|difference",
      defaultValue = "odds_ratio",
      converter = EffectConverter.class,
      description = "Response effect drawn in the forest plot (default: odds-ratio).")
  Effect effect;

  @Option(
      names = "--ties",
      paramLabel = "efron|breslow|exact",
      description = "Cox ties (default: efron with --convention r, breslow with sas).")
  String ties;

  @Option(
      names = "--conf-type",
      paramLabel = "TYPE",
      description =
          "Transform of the Kaplan-Meier CI used for the median CI: plain, log, log-log, logit,"
              + " arcsine (default: log with --convention r, log-log with sas).")
  String confType;

  @Option(
      names = "--adjust",
      paramLabel = "none|holm|bh",
      defaultValue = "none",
      description =
          "Multiplicity adjustment of the interaction p-values (across variables) and of the"
              + " within-level comparison p-values (across levels) (default: ${DEFAULT-VALUE}).")
  Adjust adjust;

  @Option(
      names = "--plot",
      paramLabel = "FILE.svg",
      description = "Write the forest plot (SVG) to FILE, atomically.")
  Path plot;

  @Option(
      names = "--plot-arm",
      paramLabel = "LEVEL",
      description =
          "Arm compared with the reference in the forest plot when --by has more than two levels"
              + " (default: the first non-reference level).")
  String plotArm;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title of the forest plot.")
  String title;

  /** Case-insensitive odds-ratio / difference parser. */
  static final class EffectConverter implements picocli.CommandLine.ITypeConverter<Effect> {
    @Override
    public Effect convert(String s) {
      return Effect.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  static final String ANALYSIS = "subgroup";
  static final int MAX_LEVELS = 40;

  /** One subgroup variable: level index per subject (-1 = missing) and its levels. */
  record Variable(String name, int[] level, List<String> levels, int missing, String cutNote) {}

  /** One arm summary (median or response rate) within a level. */
  record ArmStat(int n, int events, double est, double lo, double hi, String method, String note) {}

  /** Everything computed for one level (or for all subjects). */
  record LevelResult(
      String variable,
      String level,
      int n,
      int events,
      List<ArmStat> arms,
      List<SubgroupEffects.Comparison> main,
      List<SubgroupEffects.Comparison> diff) {}

  @Override
  public Integer call() {
    if (subgroups.isEmpty() && cuts.isEmpty()) {
      throw new InputException(
          "--subgroups COL[,COL...] is required (e.g. --subgroups SEX,AGEGR1)");
    }
    if (!surv.strata.isEmpty()) {
      throw new InputException(
          "--strata is not supported by subgroups (hazard ratios are unstratified within levels)");
    }
    Map<String, String> cutSpecs = parseCuts();
    List<String> vars = new ArrayList<>(new LinkedHashSet<>(subgroups));
    for (String v : cutSpecs.keySet()) {
      if (!vars.contains(v)) {
        vars.add(v);
      }
    }
    return endpoint == Endpoint.TTE ? runTte(vars, cutSpecs) : runResponse(vars, cutSpecs);
  }

  private Map<String, String> parseCuts() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String c : cuts) {
      int k = c.indexOf(':');
      if (k <= 0 || k == c.length() - 1) {
        throw new InputException(
            "--cut '" + c + "': expected COL:VALUE[,VALUE...] or COL:qK, e.g. --cut AGE:65");
      }
      out.put(c.substring(0, k).trim(), c.substring(k + 1).trim());
    }
    return out;
  }

  // ---------------------------------------------------------------- time to event

  private Integer runTte(List<String> vars, Map<String, String> cutSpecs) {
    SurvivalInput in = surv.load(data, vars);
    SurvivalData d = in.data();
    DataTable t = in.table();
    int n = d.size();
    double[] time = d.times();
    boolean[] event = d.events();
    int[] arm = d.groups();
    int[] rows = new int[n];
    for (int k = 0; k < n; k++) {
      rows[k] = d.inputRow(k);
    }
    List<String> arms = surv.by == null ? List.of() : d.groupLevels();
    Convention cv = surv.convention;
    CoxTies tie =
        ties != null ? parseTies(ties) : (cv == Convention.SAS ? CoxTies.BRESLOW : CoxTies.EFRON);
    ConfType tr = confTransform(cv);
    List<Variable> variables = new ArrayList<>();
    for (String v : vars) {
      variables.add(variable(t, v, rows, cutSpecs.get(v)));
    }
    double cl = conf.level();
    List<LevelResult> results = new ArrayList<>();
    List<LikelihoodRatio> tests = new ArrayList<>();
    int[] all = range(n);
    results.add(tteLevel("ALL", "All subjects", all, time, event, arm, arms, tie, tr, cl));
    for (Variable v : variables) {
      for (int l = 0; l < v.levels().size(); l++) {
        int[] idx = which(v.level(), l);
        results.add(
            tteLevel(v.name(), v.levels().get(l), idx, time, event, arm, arms, tie, tr, cl));
      }
      if (arms.size() >= 2 && v.levels().size() >= 2) {
        int[] idx = present(v.level());
        tests.add(
            SubgroupEffects.coxInteraction(
                pick(time, idx),
                pick(event, idx),
                pick(arm, idx),
                arms.size(),
                pick(v.level(), idx),
                v.levels().size(),
                tie));
      } else {
        tests.add(null);
      }
    }
    String effectLabel = "HR";
    String methodMain = "cox-" + tie.label() + "/wald";
    String armMethod = "brookmeyer-crowley/" + tr.label() + " (" + cv.label() + " rules)";
    List<String> heading = new ArrayList<>();
    heading.add(
        String.format(
            Locale.ROOT,
            "Subgroup analysis, time to event: %s; %d subjects, %d events; times in %s",
            surv.by == null ? "single arm" : comparisons(arms),
            n,
            d.eventCount(),
            in.unit()));
    if (!arms.isEmpty()) {
      heading.add(
          "Hazard ratio: Cox model within each level ("
              + tie.label()
              + " ties), Wald "
              + pct(cl)
              + " CI; interaction: likelihood-ratio test of arm x subgroup (Cox).");
    }
    heading.add(
        "Median: Kaplan-Meier, Brookmeyer-Crowley "
            + pct(cl)
            + " CI ("
            + tr.label()
            + " transform, "
            + cv.label()
            + " rules).");
    heading.addAll(in.notes());
    return finish(
        results,
        variables,
        tests,
        arms,
        heading,
        "hr",
        effectLabel,
        methodMain,
        armMethod,
        "median",
        "likelihood-ratio/cox " + tie.label(),
        ForestPlot.Scale.LOG);
  }

  private LevelResult tteLevel(
      String variable,
      String level,
      int[] idx,
      double[] time,
      boolean[] event,
      int[] arm,
      List<String> arms,
      CoxTies tie,
      ConfType tr,
      double cl) {
    double[] t = pick(time, idx);
    boolean[] e = pick(event, idx);
    int[] a = pick(arm, idx);
    int events = 0;
    for (boolean b : e) {
      events += b ? 1 : 0;
    }
    int k = Math.max(1, arms.size());
    List<ArmStat> stats = new ArrayList<>();
    for (int g = 0; g < k; g++) {
      int[] sel = which(a, g);
      double[] tg = pick(t, sel);
      boolean[] eg = pick(e, sel);
      int dg = 0;
      for (boolean b : eg) {
        dg += b ? 1 : 0;
      }
      if (sel.length == 0) {
        stats.add(new ArmStat(0, 0, Double.NaN, Double.NaN, Double.NaN, null, "no subjects"));
        continue;
      }
      KmQuantile.Estimate m =
          KmQuantile.of(KaplanMeier.fit(SurvivalData.of(tg, eg), tr, cl), 0.5, surv.convention);
      String note = m.note();
      if (Double.isNaN(m.estimate())) {
        note = dg == 0 ? "no events: median not reached" : "median not reached";
      }
      stats.add(new ArmStat(sel.length, dg, m.estimate(), m.lower(), m.upper(), null, note));
    }
    List<SubgroupEffects.Comparison> main = List.of();
    if (arms.size() >= 2) {
      main = SubgroupEffects.hazardRatios(t, e, a, arms, tie, cl);
    }
    return new LevelResult(variable, level, idx.length, events, stats, main, List.of());
  }

  // ---------------------------------------------------------------- response

  private Integer runResponse(List<String> vars, Map<String, String> cutSpecs) {
    if (surv.ref != null && surv.by == null) {
      throw new InputException("--ref needs --by (the column whose level it names)");
    }
    BinomialMethod bm = parseBinomial(method);
    DifferenceMethod dm;
    try {
      dm = DifferenceMethod.parse(diffMethod);
    } catch (IllegalArgumentException e) {
      throw new InputException("--diff-method: " + e.getMessage());
    }
    Set<String> need = new LinkedHashSet<>(vars);
    need.add(response);
    if (surv.by != null) {
      need.add(surv.by);
    }
    DataTable t = data.load(need);
    int n = t.rowCount();
    String[] resp = t.column(response);
    Set<String> yes = new HashSet<>();
    for (String v : responders) {
      if (!v.isBlank()) {
        yes.add(v.trim().toUpperCase(Locale.ROOT));
      }
    }
    if (yes.isEmpty()) {
      throw new InputException("--responder-values: give at least one value, e.g. CR,PR");
    }
    boolean[] y = new boolean[n];
    int missingResp = 0;
    for (int i = 0; i < n; i++) {
      if (resp[i] == null || resp[i].isEmpty()) {
        missingResp++;
        continue;
      }
      y[i] = yes.contains(resp[i].trim().toUpperCase(Locale.ROOT));
    }
    List<String> arms = List.of();
    int[] arm = new int[n];
    if (surv.by != null) {
      String[] lab = Columns.groups(t, surv.by, 2);
      List<String> gl = new ArrayList<>(Levels.sorted(t.levels(surv.by)));
      if (surv.ref != null) {
        if (!gl.contains(surv.ref)) {
          throw new InputException(
              String.format(
                  "--ref %s: not a level of %s; the levels are: %s",
                  surv.ref, surv.by, String.join(", ", gl)));
        }
        gl.remove(surv.ref);
        gl.add(0, surv.ref);
      }
      arms = List.copyOf(gl);
      for (int i = 0; i < n; i++) {
        arm[i] = arms.indexOf(lab[i]);
      }
    }
    int[] rows = range(n);
    List<Variable> variables = new ArrayList<>();
    for (String v : vars) {
      variables.add(variable(t, v, rows, cutSpecs.get(v)));
    }
    double cl = conf.level();
    List<LevelResult> results = new ArrayList<>();
    List<LikelihoodRatio> tests = new ArrayList<>();
    results.add(responseLevel("ALL", "All subjects", range(n), y, arm, arms, bm, dm, cl));
    for (Variable v : variables) {
      for (int l = 0; l < v.levels().size(); l++) {
        results.add(
            responseLevel(
                v.name(), v.levels().get(l), which(v.level(), l), y, arm, arms, bm, dm, cl));
      }
      if (arms.size() >= 2 && v.levels().size() >= 2) {
        int[] idx = present(v.level());
        tests.add(
            LogisticInteraction.test(
                    pick(arm, idx),
                    arms.size(),
                    pick(v.level(), idx),
                    v.levels().size(),
                    pick(y, idx))
                .test());
      } else {
        tests.add(null);
      }
    }
    int nresp = 0;
    for (boolean b : y) {
      nresp += b ? 1 : 0;
    }
    List<String> heading = new ArrayList<>();
    heading.add(
        String.format(
            Locale.ROOT,
            "Subgroup analysis, response (%s in %s): %s; %d subjects, %d responders",
            String.join("/", responders),
            response,
            surv.by == null ? "single arm" : comparisons(arms),
            n,
            nresp));
    if (!arms.isEmpty()) {
      heading.add(
          "Odds ratio: Woolf (logit) "
              + pct(cl)
              + " CI, Wald p; difference: "
              + dm.label()
              + " CI; interaction: likelihood-ratio test of arm x subgroup (logistic regression).");
    }
    heading.add("Response rate: " + bm.label() + " " + pct(cl) + " CI.");
    if (missingResp > 0) {
      heading.add(
          missingResp + " subject(s) with an empty " + response + " counted as non-responders.");
    }
    boolean or = effect == Effect.ODDS_RATIO;
    return finish(
        results,
        variables,
        tests,
        arms,
        heading,
        or ? "odds_ratio" : "difference",
        or ? "OR" : "Difference",
        "woolf",
        bm.id(),
        "orr",
        "likelihood-ratio/logistic",
        or ? ForestPlot.Scale.LOG : ForestPlot.Scale.LINEAR);
  }

  private LevelResult responseLevel(
      String variable,
      String level,
      int[] idx,
      boolean[] y,
      int[] arm,
      List<String> arms,
      BinomialMethod bm,
      DifferenceMethod dm,
      double cl) {
    int k = Math.max(1, arms.size());
    int[] x = new int[k];
    int[] nn = new int[k];
    for (int i : idx) {
      nn[arm[i]]++;
      if (y[i]) {
        x[arm[i]]++;
      }
    }
    List<ArmStat> stats = new ArrayList<>();
    int events = 0;
    for (int g = 0; g < k; g++) {
      events += x[g];
      if (nn[g] == 0) {
        stats.add(new ArmStat(0, 0, Double.NaN, Double.NaN, Double.NaN, null, "no subjects"));
        continue;
      }
      BinomialInterval b = BinomialInterval.compute(bm, x[g], nn[g], cl);
      if (bm == BinomialMethod.WALD && (x[g] == 0 || x[g] == nn[g])) {
        stats.add(
            new ArmStat(
                nn[g],
                x[g],
                b.estimate(),
                Double.NaN,
                Double.NaN,
                null,
                RiskDifference.WALD_DEGENERATE));
        continue;
      }
      stats.add(new ArmStat(nn[g], x[g], b.estimate(), b.lower(), b.upper(), null, null));
    }
    List<SubgroupEffects.Comparison> main = new ArrayList<>();
    List<SubgroupEffects.Comparison> diff = new ArrayList<>();
    if (arms.size() >= 2) {
      for (SubgroupEffects.Comparison[] c :
          SubgroupEffects.responseComparisons(x, nn, arms, dm, cl)) {
        main.add(c[0]);
        diff.add(c[1]);
      }
    }
    return new LevelResult(variable, level, idx.length, events, stats, main, diff);
  }

  // ---------------------------------------------------------------- rows, text, plot

  private Integer finish(
      List<LevelResult> results,
      List<Variable> variables,
      List<LikelihoodRatio> tests,
      List<String> arms,
      List<String> heading,
      String mainTerm,
      String effectLabel,
      String mainMethod,
      String armMethod,
      String armTerm,
      String testMethod,
      ForestPlot.Scale scale) {
    boolean tte = endpoint == Endpoint.TTE;
    double cl = conf.level();
    if (plot != null) {
      plotArmIndex(arms);
    }
    // Multiplicity: interaction tests (one per variable) and level comparisons (all levels).
    double[] pInt = new double[tests.size()];
    for (int i = 0; i < pInt.length; i++) {
      pInt[i] = tests.get(i) == null ? Double.NaN : tests.get(i).pValue();
    }
    List<double[]> levelP = new ArrayList<>(); // {result index, arm, p}
    for (int r = 1; r < results.size(); r++) {
      for (SubgroupEffects.Comparison c : results.get(r).main()) {
        levelP.add(new double[] {r, c.arm(), c.pValue()});
      }
    }
    double[] pl = levelP.stream().mapToDouble(v -> v[2]).toArray();
    double[] pIntAdj = pInt;
    double[] plAdj = pl;
    String adjName = null;
    if (adjust != Adjust.NONE) {
      Multiplicity.Method m =
          adjust == Adjust.HOLM ? Multiplicity.Method.HOLM : Multiplicity.Method.BH;
      pIntAdj = Multiplicity.adjust(pInt, m);
      plAdj = Multiplicity.adjust(pl, m);
      adjName = m.label();
      heading.add(
          "P-values adjusted for multiplicity ("
              + adjName
              + ") within two families: the interaction tests (across variables) and the"
              + " within-level comparisons (across all levels); the note gives the unadjusted p.");
    } else {
      heading.add(
          "P-values are unadjusted for multiplicity (subgroup analyses are exploratory; --adjust"
              + " holm|bh adjusts).");
    }
    int countInt = count(pInt);
    int countLev = count(pl);
    List<ResultRow> rows = new ArrayList<>();
    int lp = 0;
    int vi = -1;
    String prevVar = null;
    for (int r = 0; r < results.size(); r++) {
      LevelResult res = results.get(r);
      String g = res.variable().equals("ALL") ? null : res.variable() + "=" + res.level();
      for (int a = 0; a < res.arms().size(); a++) {
        ArmStat s = res.arms().get(a);
        String grp = arms.isEmpty() ? (g == null ? "ALL" : g) : join(g, arms.get(a));
        rows.add(
            ResultRow.of(ANALYSIS, grp, armTerm)
                .estimate(s.est())
                .ci(s.lo(), s.hi(), cl)
                .n(s.n())
                .events(s.events())
                .method(armMethod)
                .note(s.note())
                .build());
      }
      for (SubgroupEffects.Comparison c : res.main()) {
        String grp = join(g, arms.get(c.arm()) + " vs " + arms.get(0));
        Double p = null;
        String note = c.reason();
        if (c.estimable()) {
          if (r == 0) {
            p = c.pValue();
            note = "unadjusted";
          } else {
            double raw = levelP.get(lp)[2];
            p = plAdj[lp];
            note = adjNote(adjName, countLev, raw, "level comparisons");
          }
        }
        if (r > 0) {
          lp++;
        }
        rows.add(
            ResultRow.of(ANALYSIS, grp, tte ? "hr" : "odds_ratio")
                .estimate(c.estimate())
                .ci(c.lower(), c.upper(), cl)
                .pValue(p)
                .n(sizeOf(res, c.arm()))
                .events(eventsOf(res, c.arm()))
                .method(mainMethod)
                .note(note)
                .build());
      }
      for (SubgroupEffects.Comparison c : res.diff()) {
        String grp = join(g, arms.get(c.arm()) + " vs " + arms.get(0));
        rows.add(
            ResultRow.of(ANALYSIS, grp, "difference")
                .estimate(c.estimate())
                .ci(c.lower(), c.upper(), cl)
                .n(sizeOf(res, c.arm()))
                .events(eventsOf(res, c.arm()))
                .method(DifferenceMethod.parse(diffMethod).id())
                .note(c.reason())
                .build());
      }
      boolean lastOfVar =
          r > 0
              && (r == results.size() - 1 || !results.get(r + 1).variable().equals(res.variable()));
      if (!res.variable().equals(prevVar) && r > 0) {
        vi++;
      }
      prevVar = res.variable();
      if (lastOfVar) {
        Variable v = variables.get(vi);
        LikelihoodRatio lr = tests.get(vi);
        String note = variableNote(v);
        if (lr != null) {
          String n2 =
              lr.df() == 0
                  ? "no estimable interaction: fewer than two levels hold more than one arm"
                  : adjNote(adjName, countInt, lr.pValue(), "interaction tests");
          if (lr.separated() && lr.df() > 0) {
            n2 +=
                "; some coefficients are infinite (a level/arm without "
                    + (tte ? "events" : "responders or non-responders")
                    + "): the test uses the limiting likelihood";
          }
          note = note == null ? n2 : n2 + "; " + note;
          rows.add(
              ResultRow.of(ANALYSIS, v.name(), "interaction")
                  .pValue(pIntAdj[vi])
                  .statistic(lr.statistic())
                  .df((double) lr.df())
                  .n(present(v.level()).length)
                  .method(testMethod)
                  .note(note)
                  .build());
        } else if (note != null || v.levels().size() < 2) {
          String n2 = v.levels().size() < 2 ? "a single level: no interaction test" : null;
          rows.add(
              ResultRow.of(ANALYSIS, v.name(), "interaction")
                  .n(present(v.level()).length)
                  .method(arms.size() >= 2 ? testMethod : null)
                  .note(n2 == null ? note : (note == null ? n2 : n2 + "; " + note))
                  .build());
        }
      }
    }
    output.emit(spec, rows, heading);
    if (plot != null) {
      String svg =
          ForestPlot.svg(
              plotSpec(results, variables, tests, pIntAdj, arms, effectLabel, armTerm, scale));
      AtomicFiles.writeText(plot, w -> w.write(svg));
    }
    return 0;
  }

  private ForestPlot.Spec plotSpec(
      List<LevelResult> results,
      List<Variable> variables,
      List<LikelihoodRatio> tests,
      double[] pInt,
      List<String> arms,
      String effectLabel,
      String armTerm,
      ForestPlot.Scale scale) {
    boolean tte = endpoint == Endpoint.TTE;
    boolean comparative = arms.size() >= 2;
    boolean diffPlot = !tte && effect == Effect.DIFFERENCE;
    String pctCl = pct(conf.level());
    int pa = plotArmIndex(arms);
    List<String> cols = new ArrayList<>();
    String evName = tte ? "events" : "resp.";
    if (comparative) {
      cols.add(arms.get(0) + " " + evName + "/n");
      cols.add(arms.get(pa) + " " + evName + "/n");
      cols.add(effectLabel + " (" + pctCl + " CI)");
      cols.add("P int.");
    } else {
      cols.add(evName.substring(0, 1).toUpperCase(Locale.ROOT) + evName.substring(1) + "/n");
      cols.add((tte ? "Median" : "ORR") + " (" + pctCl + " CI)");
    }
    List<ForestPlot.Row> rows = new ArrayList<>();
    int vi = -1;
    String prev = null;
    for (LevelResult r : results) {
      boolean overall = r.variable().equals("ALL");
      if (!overall && !r.variable().equals(prev)) {
        vi++;
        Variable v = variables.get(vi);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < cols.size() - 1; c++) {
          cells.add("");
        }
        LikelihoodRatio lr = tests.get(vi);
        cells.add(comparative && lr != null && lr.df() > 0 ? pText(pInt[vi]) : "");
        if (!comparative) {
          cells.set(cells.size() - 1, "");
        }
        rows.add(ForestPlot.Row.header(v.name(), cells));
      }
      prev = r.variable();
      List<String> cells = new ArrayList<>();
      double est;
      double lo;
      double hi;
      String note;
      double weight;
      if (comparative) {
        for (int a : new int[] {0, pa}) {
          ArmStat s = r.arms().get(a);
          cells.add(s.events() + "/" + s.n());
        }
        SubgroupEffects.Comparison c = diffPlot ? r.diff().get(pa - 1) : r.main().get(pa - 1);
        est = c.estimate();
        lo = c.lower();
        hi = c.upper();
        note = c.reason();
        int dec = diffPlot ? 3 : 2;
        cells.add(ForestPlot.effectText(est, lo, hi, dec));
        cells.add("");
        weight = r.n();
      } else {
        ArmStat s = r.arms().get(0);
        cells.add(s.events() + "/" + s.n());
        est = s.est();
        lo = s.lo();
        hi = s.hi();
        note = s.note();
        cells.add(
            ForestPlot.effectText(
                est,
                lo,
                tte && Double.isNaN(hi) && !Double.isNaN(est) ? Double.POSITIVE_INFINITY : hi,
                tte ? 1 : 3));
        weight = r.n();
      }
      String label = overall ? "All subjects" : r.level();
      rows.add(
          new ForestPlot.Row(
              label,
              overall ? ForestPlot.Kind.OVERALL : ForestPlot.Kind.LEVEL,
              cells,
              est,
              lo,
              comparative || !Double.isNaN(hi) || Double.isNaN(est) ? hi : Double.POSITIVE_INFINITY,
              weight,
              note == null ? null : "not estimable: " + shortReason(note)));
    }
    List<String> foot = new ArrayList<>();
    if (comparative) {
      foot.add(
          (tte
                  ? "Hazard ratio from a Cox model within each level"
                  : diffPlot ? "Difference in response rate" : "Odds ratio (Woolf CI)")
              + "; square area proportional to the number of subjects.");
      foot.add(
          "P int.: likelihood-ratio test of the treatment x subgroup interaction, "
              + (adjust == Adjust.NONE
                  ? "unadjusted for multiplicity."
                  : adjustLabel() + "-adjusted across variables."));
      if (arms.size() > 2) {
        foot.add(
            "Comparison shown: "
                + arms.get(pa)
                + " vs "
                + arms.get(0)
                + " (--plot-arm; the tidy output has every arm). P int. tests all arms jointly.");
      }
    } else {
      foot.add(
          "Single arm: "
              + (tte ? "Kaplan-Meier median" : "response rate")
              + " per level; dashed line: all subjects.");
    }
    String axis;
    String left = null;
    String right = null;
    if (comparative) {
      String vs = " (" + arms.get(pa) + " vs " + arms.get(0) + ")";
      axis =
          (tte ? "Hazard ratio" : diffPlot ? "Difference in response rate" : "Odds ratio")
              + vs
              + (scale == ForestPlot.Scale.LOG ? ", log scale" : "");
      // A hazard ratio below 1 favours the compared arm; an odds ratio or difference of response
      // above the reference favours it.
      if (tte) {
        left = "Favours " + arms.get(pa);
        right = "Favours " + arms.get(0);
      } else {
        left = "Favours " + arms.get(0);
        right = "Favours " + arms.get(pa);
      }
    } else {
      axis = tte ? "Median (" + surv.outputUnit().label() + ")" : "Response rate";
    }
    ForestPlot.Scale sc =
        comparative ? (diffPlot ? ForestPlot.Scale.LINEAR : scale) : ForestPlot.Scale.LINEAR;
    double ref = comparative ? Double.NaN : results.get(0).arms().get(0).est();
    return new ForestPlot.Spec(title, "Subgroup", cols, sc, axis, left, right, rows, foot, ref);
  }

  // ---------------------------------------------------------------- helpers

  private Variable variable(DataTable t, String name, int[] rows, String cut) {
    String[] col = t.column(name);
    int n = rows.length;
    int[] level = new int[n];
    int missing = 0;
    List<String> levels;
    String cutNote = null;
    if (cut != null) {
      double[] x = new double[n];
      List<Double> present = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        String s = col[rows[k]];
        if (s == null || s.isEmpty()) {
          x[k] = Double.NaN;
          continue;
        }
        try {
          x[k] = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw Columns.bad(t, rows[k], name, "a number (--cut " + name + ":" + cut + ")", s);
        }
        if (!Double.isFinite(x[k])) {
          throw Columns.bad(t, rows[k], name, "a finite number", s);
        }
        present.add(x[k]);
      }
      double[] points;
      if (cut.matches("(?i)q\\d+")) {
        int q = Integer.parseInt(cut.substring(1));
        if (q < 2 || q > 10) {
          throw new InputException(
              "--cut " + name + ":" + cut + ": quantile groups must be between q2 and q10");
        }
        if (present.isEmpty()) {
          throw new InputException(t.source(name) + ": column " + name + " has no values to cut");
        }
        points = Cuts.quantileCuts(present.stream().mapToDouble(Double::doubleValue).toArray(), q);
        cutNote = "cut at R type-7 quantiles";
      } else {
        String[] parts = cut.split(",");
        points = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
          try {
            points[i] = Double.parseDouble(parts[i].trim());
          } catch (NumberFormatException e) {
            throw new InputException(
                "--cut "
                    + name
                    + ":"
                    + cut
                    + ": expected numbers (e.g. AGE:65 or AGE:50,65) or qK, found '"
                    + parts[i].trim()
                    + "'");
          }
          if (i > 0 && !(points[i] > points[i - 1])) {
            throw new InputException("--cut " + name + ":" + cut + ": cut points must increase");
          }
        }
      }
      levels = List.of(Cuts.labels(points));
      for (int k = 0; k < n; k++) {
        if (Double.isNaN(x[k])) {
          level[k] = -1;
          missing++;
        } else {
          level[k] = Cuts.level(x[k], points);
        }
      }
    } else {
      List<String> seen = new ArrayList<>();
      Set<String> set = new HashSet<>();
      for (int k = 0; k < n; k++) {
        String s = col[rows[k]];
        if (s != null && !s.isEmpty() && set.add(s)) {
          seen.add(s);
        }
      }
      levels = Levels.sorted(seen);
      if (levels.size() > MAX_LEVELS) {
        throw new InputException(
            String.format(
                "%s: subgroup variable %s has %d levels (more than %d); cut a continuous"
                    + " variable with --cut %s:VALUE or --cut %s:q4",
                t.source(name), name, levels.size(), MAX_LEVELS, name, name));
      }
      Map<String, Integer> ix = new java.util.HashMap<>();
      for (int i = 0; i < levels.size(); i++) {
        ix.put(levels.get(i), i);
      }
      for (int k = 0; k < n; k++) {
        String s = col[rows[k]];
        if (s == null || s.isEmpty()) {
          level[k] = -1;
          missing++;
        } else {
          level[k] = ix.get(s);
        }
      }
    }
    if (missing == n) {
      throw new InputException(
          t.source(name) + ": subgroup variable " + name + " is empty in every row");
    }
    return new Variable(name, level, levels, missing, cutNote);
  }

  /** The arm drawn in the forest plot (checked before anything is written). */
  private int plotArmIndex(List<String> arms) {
    int pa = 1;
    if (plotArm != null) {
      pa = arms.indexOf(plotArm);
      if (pa < 1) {
        throw new InputException(
            String.format(
                "--plot-arm %s: expected a non-reference level of %s: %s",
                plotArm,
                surv.by,
                arms.size() < 2 ? "(none)" : String.join(", ", arms.subList(1, arms.size()))));
      }
    }
    return pa;
  }

  /** "B vs A" or "B, C vs A" for the heading. */
  static String comparisons(List<String> arms) {
    return String.join(", ", arms.subList(1, arms.size())) + " vs " + arms.get(0) + " (reference)";
  }

  /** The reason without its ": ... not estimable" tail, for the plot. */
  static String shortReason(String reason) {
    int k = reason.indexOf(':');
    return k > 0 ? reason.substring(0, k) : reason;
  }

  private static String variableNote(Variable v) {
    List<String> parts = new ArrayList<>();
    if (v.missing() > 0) {
      parts.add(v.missing() + " subject(s) with missing " + v.name() + " excluded from its levels");
    }
    if (v.cutNote() != null) {
      parts.add(v.cutNote());
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String adjNote(String adj, int m, double raw, String family) {
    if (adj == null) {
      return "unadjusted";
    }
    return String.format(
        Locale.ROOT, "%s-adjusted over %d %s; unadjusted p = %s", adj, m, family, sig(raw));
  }

  private String adjustLabel() {
    return adjust == Adjust.HOLM ? "Holm" : "Benjamini-Hochberg";
  }

  private static String sig(double p) {
    return org.trialstats.report.Cells.readable(p, 4);
  }

  private static String pText(double p) {
    if (Double.isNaN(p)) {
      return "";
    }
    return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
  }

  private static int count(double[] p) {
    int k = 0;
    for (double v : p) {
      if (!Double.isNaN(v)) {
        k++;
      }
    }
    return k;
  }

  private static Integer sizeOf(LevelResult r, int a) {
    return r.arms().get(0).n() + r.arms().get(a).n();
  }

  private static Integer eventsOf(LevelResult r, int a) {
    return r.arms().get(0).events() + r.arms().get(a).events();
  }

  private static String join(String g, String s) {
    return g == null ? s : g + "; " + s;
  }

  private static String pct(double cl) {
    double v = cl * 100;
    return (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)) + "%";
  }

  private CoxTies parseTies(String s) {
    try {
      return CoxTies.parse(s);
    } catch (IllegalArgumentException e) {
      throw new InputException("--ties: expected efron, breslow or exact, found '" + s + "'");
    }
  }

  private ConfType confTransform(Convention cv) {
    if (confType == null) {
      return cv == Convention.SAS ? ConfType.LOG_LOG : ConfType.LOG;
    }
    try {
      return ConfType.parse(confType);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--conf-type: expected plain, log, log-log, logit or arcsine, found '" + confType + "'");
    }
  }

  private static BinomialMethod parseBinomial(String s) {
    try {
      return BinomialMethod.parse(s);
    } catch (IllegalArgumentException e) {
      throw new InputException("--method: " + e.getMessage());
    }
  }

  static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  static int[] which(int[] v, int value) {
    int k = 0;
    for (int x : v) {
      if (x == value) {
        k++;
      }
    }
    int[] out = new int[k];
    k = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] == value) {
        out[k++] = i;
      }
    }
    return out;
  }

  static int[] present(int[] level) {
    int k = 0;
    for (int x : level) {
      if (x >= 0) {
        k++;
      }
    }
    int[] out = new int[k];
    k = 0;
    for (int i = 0; i < level.length; i++) {
      if (level[i] >= 0) {
        out[k++] = i;
      }
    }
    return out;
  }

  static double[] pick(double[] v, int[] idx) {
    double[] o = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      o[i] = v[idx[i]];
    }
    return o;
  }

  static int[] pick(int[] v, int[] idx) {
    int[] o = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      o[i] = v[idx[i]];
    }
    return o;
  }

  static boolean[] pick(boolean[] v, int[] idx) {
    boolean[] o = new boolean[idx.length];
    for (int i = 0; i < idx.length; i++) {
      o[i] = v[idx[i]];
    }
    return o;
  }
}
