package org.trialstats.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.trialstats.io.InputException;
import org.trialstats.report.sim.SimCsv;
import org.trialstats.report.sim.TrialSimulator;
import org.trialstats.report.sim.TrialSimulator.Arm;
import org.trialstats.report.sim.TrialSimulator.Design;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trialstats simulate}: a seeded synthetic study as ADaM-shaped ADSL/ADRS/ADTTE CSVs. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a synthetic oncology study (ADSL, ADRS, ADTTE CSVs) from design parameters.",
      "Seeded and reproducible; every file carries the STUDYID and a README.md saying it is"
          + " synthetic."
    })
public final class SimulateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--study-id",
      defaultValue = "SIM-LGSOC",
      description = "STUDYID (default: ${DEFAULT-VALUE}); keep a SIM- prefix.")
  String studyId;

  @Option(
      names = "--arm",
      paramLabel = "NAME:N:ORR:MPFS:MOS[:ORR_MUT]",
      description =
          "An arm (repeatable): name, size, ORR, median PFS and OS in months (of the wild-type"
              + " subgroup), optional ORR of the mutant subgroup (default: the same ORR)."
              + " Default: one arm 'RAF/MEK+FAK:26:0.42:20:48'.")
  List<String> arms = new ArrayList<>();

  @Option(
      names = "--mutant-fraction",
      defaultValue = "0.4",
      description = "Fraction KRAS mutant (default: ${DEFAULT-VALUE}).")
  double mutantFraction;

  @Option(
      names = "--mutant-hr",
      defaultValue = "1",
      description = "PFS/OS hazard ratio mutant vs wild-type (default: ${DEFAULT-VALUE}).")
  double mutantHr;

  @Option(
      names = "--shape",
      defaultValue = "1",
      description = "Weibull shape of PFS/OS times; 1 = exponential (default: ${DEFAULT-VALUE}).")
  double shape;

  @Option(
      names = "--accrual",
      defaultValue = "18",
      description = "Accrual period, months (default: ${DEFAULT-VALUE}).")
  double accrual;

  @Option(
      names = "--follow-up",
      defaultValue = "24",
      description =
          "Minimum follow-up after the last enrolment, months (default: ${DEFAULT-VALUE}).")
  double followUp;

  @Option(
      names = "--dropout",
      defaultValue = "0.05",
      description = "Loss to follow-up rate per year (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(
      names = "--visit-weeks",
      defaultValue = "8",
      description = "Tumour assessment interval, weeks (default: ${DEFAULT-VALUE}).")
  int visitWeeks;

  @Option(
      names = "--cr-fraction",
      defaultValue = "0.1",
      description = "Fraction of responders reaching CR (default: ${DEFAULT-VALUE}).")
  double crFraction;

  @Option(
      names = "--ne-prob",
      defaultValue = "0.03",
      description = "Probability an assessment is NE (default: ${DEFAULT-VALUE}).")
  double neProb;

  @Option(
      names = "--primary-pd",
      defaultValue = "0.15",
      description =
          "Probability a non-responder is primary refractory: PD at the first assessment"
              + " (default: ${DEFAULT-VALUE}).")
  double primaryPd;

  @Option(
      names = "--fixed-counts",
      description =
          "Assign exactly round(n x ORR) responders, round(n x fraction) mutants and"
              + " round(non-responders x primary PD) refractory subjects per arm"
              + " instead of random draws.")
  boolean fixedCounts;

  @Option(
      names = "--start",
      defaultValue = "2020-01-06",
      description = "First randomisation date (default: ${DEFAULT-VALUE}).")
  String start;

  @Option(
      names = "--seed",
      defaultValue = "20261126",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public void run() {
    List<Arm> list = new ArrayList<>();
    for (String a : arms.isEmpty() ? List.of("RAF/MEK+FAK:26:0.42:20:48") : arms) {
      list.add(parseArm(a));
    }
    LocalDate first;
    try {
      first = LocalDate.parse(start);
    } catch (DateTimeParseException e) {
      throw new InputException("--start: expected a date YYYY-MM-DD, found '" + start + "'");
    }
    if (!studyId.matches("[A-Za-z0-9_-]+")) {
      throw new InputException(
          "--study-id: expected letters, digits, '-' or '_', found '" + studyId + "'");
    }
    Design d;
    try {
      d =
          new Design(
              studyId,
              list,
              mutantFraction,
              mutantHr,
              shape,
              accrual,
              followUp,
              dropout,
              visitWeeks,
              crFraction,
              neProb,
              fixedCounts,
              first,
              seed,
              primaryPd);
    } catch (IllegalArgumentException e) {
      throw new InputException("simulate: " + e.getMessage());
    }
    TrialSimulator.Result r = TrialSimulator.simulate(d);
    String cmd =
        "trialstats " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    SimCsv.write(r, out, cmd);
    spec.commandLine()
        .getOut()
        .printf(
            "simulate: %d subjects, %d response rows, %d time-to-event rows -> %s (SYNTHETIC)%n",
            r.adsl().size(), r.adrs().size(), r.adtte().size(), out);
    spec.commandLine().getOut().flush();
  }

  static Arm parseArm(String s) {
    String[] p = s.split(":");
    if (p.length < 5 || p.length > 6) {
      throw new InputException(
          "--arm '" + s + "': expected NAME:N:ORR:MPFS:MOS[:ORR_MUT], e.g. Drug:26:0.42:20:48");
    }
    int n = (int) field(s, p[1], "N (arm size)", "a whole number of subjects, e.g. 26", true);
    double orr = field(s, p[2], "ORR", "a proportion between 0 and 1, e.g. 0.42", false);
    double mpfs =
        field(s, p[3], "MPFS (median PFS)", "a positive number of months, e.g. 20", false);
    double mos = field(s, p[4], "MOS (median OS)", "a positive number of months, e.g. 48", false);
    double orrMut =
        p.length == 6
            ? field(
                s, p[5], "ORR_MUT (ORR of the mutant subgroup)", "a proportion, e.g. 0.64", false)
            : orr;
    try {
      return new Arm(p[0], n, orr, orrMut, mpfs, mos);
    } catch (IllegalArgumentException e) {
      throw new InputException("--arm '" + s + "': " + e.getMessage());
    }
  }

  /** One numeric field of --arm NAME:N:ORR:MPFS:MOS[:ORR_MUT], with a message naming it. */
  private static double field(String arm, String v, String name, String expected, boolean integer) {
    try {
      return integer ? Integer.parseInt(v.trim()) : Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new InputException(
          String.format(
              "--arm '%s': field %s: expected %s (form NAME:N:ORR:MPFS:MOS[:ORR_MUT]), found '%s'",
              arm, name, expected, v));
    }
  }
}
