package org.trialstats.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis spec of {@code trialstats report}, read from YAML ({@link SpecNode}). Every option
 * has a default (see docs/report.md); unknown keys and bad values are errors naming the line.
 */
public record ReportSpec(
    String title,
    String subtitle,
    String dataCut,
    boolean synthetic,
    Path specFile,
    Path adsl,
    Path adrs,
    Path adtte,
    String id,
    Map<String, List<String>> population,
    Treatment treatment,
    double confLevel,
    String convention,
    Response response,
    List<Tte> endpoints,
    Subgroups subgroups,
    Preclinical preclinical) {

  /**
   * The optional preclinical section: a xenograft growth study ({@code tgiData}, null for none) and
   * a dose-response study ({@code ic50Data}, null for none); column names as the {@code tgi} and
   * {@code ic50} commands' defaults unless given.
   */
  public record Preclinical(
      Path tgiData,
      String animal,
      String group,
      String day,
      String volume,
      String control,
      Double tgiDay,
      Double logFloor,
      String adjust,
      List<String> compare,
      boolean allPairs,
      boolean logScale,
      Path ic50Data,
      String conc,
      String response,
      String by,
      String concUnit,
      AnimalSurvival survival) {}

  /**
   * Animal survival in the preclinical section: one row per animal with the day of the humane
   * endpoint or death ({@code event} 1) or of censoring ({@code event} 0); groups compared with
   * {@code control} (default: the first level in sorted order) by log-rank, p-values adjusted by
   * {@code adjust}.
   */
  public record AnimalSurvival(
      Path data,
      String animal,
      String group,
      String time,
      String event,
      String control,
      String adjust,
      String unit,
      String label) {}

  /** Treatment variable, reference arm and display order; {@code variable == null}: single arm. */
  public record Treatment(String variable, String reference, List<String> order) {}

  /** The response endpoint (ORR, DCR) and the BOR settings. */
  public record Response(
      String paramcd,
      boolean derive,
      String visitParamcd,
      String value,
      String dateColumn,
      String referenceDate,
      boolean confirm,
      int confirmationDays,
      int minSdDays,
      int maxNeBetween,
      boolean acceptSd,
      List<String> responders,
      boolean dcr,
      List<String> diseaseControl,
      String interval,
      Double p0,
      String comparison) {}

  /** A time-to-event endpoint. */
  public record Tte(
      String paramcd,
      String label,
      String time,
      String censor,
      String event,
      Map<String, List<String>> where,
      String timeUnit,
      String reportUnit,
      String confType,
      List<Double> landmarks,
      List<String> tests,
      String ties,
      Double rmstTau,
      boolean ciBands,
      boolean forest,
      int line) {}

  /** Subgroup variables (ADSL columns) with display labels. */
  public record Subgroups(
      List<String> variables, Map<String, String> labels, List<String> compare) {}

  static final String[] INTERVALS = {
    "clopper-pearson", "wilson", "wilson-cc", "jeffreys", "agresti-coull", "wald", "mid-p", "blaker"
  };
  static final String[] COMPARISONS = {"newcombe", "wald", "miettinen-nurminen", "none"};
  static final String[] CONF_TYPES = {"plain", "log", "log-log", "logit", "arcsine"};
  static final String[] TIES = {"efron", "breslow", "exact"};
  static final String[] UNITS = {"days", "weeks", "months", "years"};
  static final String[] TESTS = {"logrank", "wilcoxon", "peto", "cox"};

  /** Reads and checks a spec file; dataset paths are relative to the spec's folder. */
  public static ReportSpec read(Path file) {
    return from(SpecNode.read(file), file);
  }

  /** Builds the spec from a parsed root node. */
  public static ReportSpec from(SpecNode root, Path file) {
    root.checkKnown(
        "title",
        "subtitle",
        "data_cut",
        "synthetic",
        "datasets",
        "id",
        "population",
        "treatment",
        "conf_level",
        "convention",
        "response",
        "time_to_event",
        "subgroups",
        "preclinical");
    Path base = file.toAbsolutePath().getParent();
    String title = root.string("title", "Efficacy report");
    String subtitle = root.string("subtitle", null);
    String dataCut = root.string("data_cut", null);
    boolean synthetic = root.bool("synthetic", false);
    Path adsl = null;
    Path adrs = null;
    Path adtte = null;
    SpecNode ds = root.get("datasets");
    Preclinical pre = preclinical(root.get("preclinical"), base);
    if (ds == null && pre == null) {
      throw root.error("'datasets:' is required (adsl:, adrs:, adtte: file paths)");
    }
    if (ds != null) {
      ds.checkKnown("adsl", "adrs", "adtte");
      adsl = path(base, ds.string("adsl", null));
      adrs = path(base, ds.string("adrs", null));
      adtte = path(base, ds.string("adtte", null));
    }
    String id = root.string("id", "USUBJID");
    Map<String, List<String>> population = new LinkedHashMap<>();
    SpecNode pop = root.get("population");
    if (pop != null) {
      for (String k : pop.keys()) {
        population.put(k, pop.strings(k, List.of()));
      }
    }
    Treatment trt = treatment(root.get("treatment"));
    double conf = root.number("conf_level", 0.95, 0, 1, true);
    if (conf >= 1) {
      throw root.get("conf_level").error("expected a level below 1, e.g. 0.95");
    }
    String convention = root.choice("convention", "r", "r", "sas");
    boolean sas = convention.equals("sas");
    Response resp = null;
    SpecNode r = root.get("response");
    if (r != null) {
      if (adrs == null) {
        throw r.error("a response endpoint needs datasets: adrs:");
      }
      resp = response(r);
    }
    List<Tte> endpoints = new ArrayList<>();
    SpecNode t = root.get("time_to_event");
    if (t != null) {
      if (adtte == null) {
        throw t.error("time-to-event endpoints need datasets: adtte:");
      }
      for (SpecNode e : t.items()) {
        endpoints.add(tte(e, sas));
      }
    }
    Subgroups sg = new Subgroups(List.of(), Map.of(), List.of());
    SpecNode s = root.get("subgroups");
    if (s != null) {
      if (s.isMapping()) {
        s.checkKnown("variables", "labels", "compare");
        Map<String, String> labels = new LinkedHashMap<>();
        SpecNode l = s.get("labels");
        if (l != null) {
          for (String k : l.keys()) {
            labels.put(k, l.string(k, k));
          }
        }
        sg =
            new Subgroups(
                s.strings("variables", List.of()), labels, s.strings("compare", List.of()));
      } else {
        sg = new Subgroups(root.strings("subgroups", List.of()), Map.of(), List.of());
      }
    }
    if (resp == null && endpoints.isEmpty() && pre == null) {
      throw root.error(
          "nothing to report: add 'response:', 'time_to_event:' and/or 'preclinical:'");
    }
    return new ReportSpec(
        title,
        subtitle,
        dataCut,
        synthetic,
        file,
        adsl,
        adrs,
        adtte,
        id,
        population,
        trt,
        conf,
        convention,
        resp,
        List.copyOf(endpoints),
        sg,
        pre);
  }

  /**
   * The {@code preclinical:} block ({@code tgi:}, {@code survival:} and/or {@code ic50:}), null
   * when absent.
   */
  private static Preclinical preclinical(SpecNode n, Path base) {
    if (n == null) {
      return null;
    }
    n.checkKnown("tgi", "ic50", "survival");
    SpecNode t = n.get("tgi");
    SpecNode c = n.get("ic50");
    SpecNode v = n.get("survival");
    if (t == null && c == null && v == null) {
      throw n.error("preclinical: expected tgi:, survival: and/or ic50:");
    }
    AnimalSurvival surv = null;
    if (v != null) {
      v.checkKnown(
          "data", "animal", "group", "time", "event", "control", "adjust", "unit", "label");
      if (v.string("data", null) == null) {
        throw v.error(
            "preclinical.survival: 'data:' (a CSV of one row per animal: day and event) is required");
      }
      surv =
          new AnimalSurvival(
              path(base, v.string("data", null)),
              v.string("animal", "animal"),
              v.string("group", "group"),
              v.string("time", "day"),
              v.string("event", "event"),
              v.string("control", null),
              v.choice("adjust", "holm", "holm", "BH", "bonferroni", "none"),
              v.string("unit", "days"),
              v.string("label", "Survival"));
    }
    if (t != null) {
      t.checkKnown(
          "data",
          "animal",
          "group",
          "day_column",
          "volume",
          "control",
          "day",
          "log_floor",
          "adjust",
          "compare",
          "pairs",
          "log_scale");
      if (t.string("data", null) == null) {
        throw t.error("preclinical.tgi: 'data:' (a CSV of volumes) is required");
      }
    }
    if (c != null) {
      c.checkKnown("data", "conc", "response", "by", "conc_unit");
      if (c.string("data", null) == null) {
        throw c.error("preclinical.ic50: 'data:' (a CSV of concentrations) is required");
      }
    }
    return new Preclinical(
        t == null ? null : path(base, t.string("data", null)),
        t == null ? "animal" : t.string("animal", "animal"),
        t == null ? "group" : t.string("group", "group"),
        t == null ? "day" : t.string("day_column", "day"),
        t == null ? "volume" : t.string("volume", "volume"),
        t == null ? null : t.string("control", null),
        t == null ? null : t.optionalNumber("day", 0, Double.MAX_VALUE, true),
        t == null ? null : t.optionalNumber("log_floor", 0, Double.MAX_VALUE, true),
        t == null ? "holm" : t.choice("adjust", "holm", "holm", "BH", "bonferroni", "none"),
        t == null ? List.of() : t.strings("compare", List.of()),
        t != null && "all".equals(t.choice("pairs", "none", "all", "none")),
        t != null && t.bool("log_scale", false),
        c == null ? null : path(base, c.string("data", null)),
        c == null ? "conc" : c.string("conc", "conc"),
        c == null ? "response" : c.string("response", "response"),
        c == null ? null : c.string("by", null),
        c == null ? null : c.string("conc_unit", null),
        surv);
  }

  private static Path path(Path base, String p) {
    return p == null ? null : base.resolve(p).normalize();
  }

  private static Treatment treatment(SpecNode n) {
    if (n == null) {
      return new Treatment("ARM", null, List.of());
    }
    if (!n.isMapping()) {
      String v = n.text();
      return new Treatment(v.equalsIgnoreCase("none") ? null : v, null, List.of());
    }
    n.checkKnown("variable", "reference", "order", "single_arm");
    boolean single = n.bool("single_arm", false);
    String var = n.string("variable", "ARM");
    return new Treatment(
        single || var.equalsIgnoreCase("none") ? null : var,
        n.string("reference", null),
        n.strings("order", List.of()));
  }

  private static Response response(SpecNode n) {
    n.checkKnown(
        "paramcd",
        "derive",
        "visit_paramcd",
        "value",
        "date",
        "reference_date",
        "confirm",
        "confirmation_days",
        "min_sd_days",
        "max_ne_between",
        "accept_sd",
        "responders",
        "dcr",
        "disease_control",
        "interval",
        "p0",
        "comparison");
    return new Response(
        n.string("paramcd", "BOR"),
        n.bool("derive", false),
        n.string("visit_paramcd", "OVR"),
        n.string("value", "AVALC"),
        n.string("date", "ADT"),
        n.string("reference_date", "RANDDT"),
        n.bool("confirm", true),
        n.integer("confirmation_days", 28, 1, 3650),
        n.integer("min_sd_days", 42, 0, 3650),
        n.integer("max_ne_between", 1, 0, 100),
        n.bool("accept_sd", false),
        n.strings("responders", List.of("CR", "PR")),
        n.bool("dcr", true),
        n.strings("disease_control", List.of("CR", "PR", "SD", "NON-CR/NON-PD")),
        n.choice("interval", "clopper-pearson", INTERVALS),
        n.optionalNumber("p0", 0, 1, true),
        n.choice("comparison", "newcombe", COMPARISONS));
  }

  private static Tte tte(SpecNode n, boolean sas) {
    if (!n.isMapping()) {
      throw n.error("expected an endpoint mapping (paramcd: PFS, ...)");
    }
    n.checkKnown(
        "paramcd",
        "label",
        "time",
        "censor",
        "event",
        "where",
        "time_unit",
        "report_unit",
        "conf_type",
        "landmarks",
        "tests",
        "ties",
        "rmst_tau",
        "ci_bands",
        "forest");
    SpecNode p = n.get("paramcd");
    if (p == null) {
      throw n.error("'paramcd:' is required (e.g. PFS, OS)");
    }
    String paramcd = p.text();
    List<String> tests = new ArrayList<>();
    SpecNode tn = n.get("tests");
    if (tn == null) {
      tests.add("logrank");
    } else {
      for (SpecNode i : tn.items()) {
        tests.add(i.asChoice(TESTS));
      }
    }
    String event = n.string("event", null);
    if (event != null && n.get("censor") != null) {
      throw n.get("censor")
          .error("give either censor: (ADaM CNSR, 0 = event) or event: (1 = event)");
    }
    Map<String, List<String>> where = new LinkedHashMap<>();
    SpecNode w = n.get("where");
    if (w != null) {
      for (String k : w.keys()) {
        where.put(k, w.strings(k, List.of()));
      }
    }
    return new Tte(
        paramcd,
        n.string("label", paramcd),
        n.string("time", "AVAL"),
        n.string("censor", "CNSR"),
        event,
        where,
        n.choice("time_unit", "days", UNITS),
        n.choice("report_unit", "months", UNITS),
        n.choice("conf_type", sas ? "log-log" : "log", CONF_TYPES),
        n.numbers("landmarks", 0, Double.MAX_VALUE),
        List.copyOf(tests),
        n.choice("ties", sas ? "breslow" : "efron", TIES),
        n.optionalNumber("rmst_tau", 0, Double.MAX_VALUE, true),
        n.bool("ci_bands", false),
        n.bool("forest", true),
        n.line());
  }
}
