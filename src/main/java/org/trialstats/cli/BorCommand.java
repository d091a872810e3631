package org.trialstats.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.trialstats.io.AtomicFiles;
import org.trialstats.io.Columns;
import org.trialstats.io.DataLoader;
import org.trialstats.io.DataTable;
import org.trialstats.io.InputException;
import org.trialstats.report.Cells;
import org.trialstats.response.BestOverallResponse;
import org.trialstats.response.BorResult;
import org.trialstats.response.BorSettings;
import org.trialstats.response.OverallResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trialstats bor}: best overall response (confirmed by default) per subject from visit-level
 * RECIST 1.1 overall responses, with admiralonco's conventions (see {@link BestOverallResponse}),
 * and optionally a duration-of-response dataset.
 */
@Command(
    name = "bor",
    mixinStandardHelpOptions = true,
    description = {
      "Best overall response per subject from RECIST 1.1 visit responses.",
      "One row per subject (admiralonco conventions), from visit-level overall responses (default filter PARAMCD=OVR).",
      "ADSL subjects without assessments get BOR=MISSING. --dor-out adds DoR."
    })
public final class BorCommand implements Runnable {
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

  @Mixin DataOptions data;

  @Option(
      names = "--response",
      defaultValue = "AVALC",
      paramLabel = "COL",
      description = "Overall response column (default: ${DEFAULT-VALUE}).")
  String responseCol;

  @Option(
      names = "--date-col",
      defaultValue = "ADT",
      paramLabel = "COL",
      description = "Assessment date column, ISO YYYY-MM-DD (default: ${DEFAULT-VALUE}).")
  String dateCol;

  @Option(
      names = "--day-col",
      paramLabel = "COL",
      description =
          "Use study days instead of dates (e.g. ADY: day 1 = reference date, no day 0);"
              + " --new-therapy-col and --death-col are then study days too.")
  String dayCol;

  @Option(
      names = "--ref-date-col",
      paramLabel = "COL",
      description =
          "Reference date column (ADSL, else the data): default RANDDT if present, else TRTSDT.")
  String refCol;

  @Option(
      names = "--new-therapy-col",
      paramLabel = "COL",
      description = "Start date of new anticancer therapy; assessments on/after it are ignored.")
  String newTherapyCol;

  @Option(
      names = "--death-col",
      paramLabel = "COL",
      description = "Death date (e.g. DTHDT): an event for duration of response.")
  String deathCol;

  @Option(
      names = "--confirm",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Require confirmation of CR/PR (default: ${DEFAULT-VALUE}).")
  boolean confirm;

  @Option(
      names = "--confirm-days",
      defaultValue = "28",
      paramLabel = "D",
      description = "Minimum days from response to confirmation (default: ${DEFAULT-VALUE}).")
  int confirmDays;

  @Option(
      names = "--sd-min-days",
      defaultValue = "42",
      paramLabel = "D",
      description =
          "SD/NON-CR/NON-PD count only on/after reference + D days (default: ${DEFAULT-VALUE}).")
  int sdMinDays;

  @Option(
      names = "--max-ne-between",
      defaultValue = "1",
      paramLabel = "K",
      description = "NE assessments allowed before confirmation (default: ${DEFAULT-VALUE}).")
  int maxNe;

  @Option(names = "--accept-sd", description = "Allow one SD between a PR and its confirmation.")
  boolean acceptSd;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the per-subject CSV here (atomically); default standard output.")
  Path out;

  @Option(
      names = "--dor-out",
      paramLabel = "FILE",
      description = "Write a duration-of-response ADTTE-like CSV for responders.")
  Path dorOut;

  @Spec CommandSpec spec;

  /** One subject's assessments as read. */
  private static final class Subject {
    final String id;
    LocalDate ref;
    Integer refDay; // day-col mode: always 0
    int newTherapyDay = BestOverallResponse.NO_NEW_THERAPY;
    Integer deathDay;
    final List<Integer> days = new ArrayList<>();
    final List<OverallResponse> codes = new ArrayList<>();
    final List<Integer> rows = new ArrayList<>();

    Subject(String id) {
      this.id = id;
    }
  }

  @Override
  public void run() {
    if (data.data == null) {
      throw new InputException("--data FILE (visit-level overall responses) is required");
    }
    if (confirmDays < 0 || sdMinDays < 0 || maxNe < 0) {
      throw new InputException(
          "--confirm-days, --sd-min-days and --max-ne-between must be non-negative");
    }
    BorSettings settings = new BorSettings(confirm, confirmDays, sdMinDays, maxNe, acceptSd);
    boolean byDay = dayCol != null;
    List<String> where = new ArrayList<>(data.where);
    boolean defaultWhere = false;
    if (where.isEmpty() && DataLoader.read(data.data, Set.of("PARAMCD")).has("PARAMCD")) {
      where.add("PARAMCD=OVR");
      defaultWhere = true;
    }
    String id = data.id;
    Set<String> subjectCols = new HashSet<>(List.of(id, "RANDDT", "TRTSDT"));
    if (refCol != null) {
      subjectCols.add(refCol);
    }
    if (newTherapyCol != null) {
      subjectCols.add(newTherapyCol);
    }
    if (deathCol != null) {
      subjectCols.add(deathCol);
    }
    Set<String> needed = new HashSet<>(List.of(id, responseCol, byDay ? dayCol : dateCol));
    if (data.adsl == null) {
      needed.addAll(subjectCols);
    }
    DataTable t = DataLoader.load(data.data, where, null, id, needed);
    DataTable adsl = data.adsl == null ? null : DataLoader.read(data.adsl, subjectCols);
    DataTable subjTable = adsl == null ? t : adsl;
    String ref = byDay ? null : (refCol != null ? refCol : defaultRef(subjTable));

    LinkedHashMap<String, Subject> subjects = new LinkedHashMap<>();
    if (adsl != null) {
      String[] aid = Columns.labels(adsl, id, "a subject id");
      for (int i = 0; i < aid.length; i++) {
        if (subjects.containsKey(aid[i])) {
          throw Columns.bad(adsl, i, id, "one row per subject (repeated id)", aid[i]);
        }
        Subject s = new Subject(aid[i]);
        subjects.put(aid[i], s);
        readSubjectColumns(adsl, i, s, ref, byDay, false);
      }
    }
    String[] ids = Columns.labels(t, id, "a subject id");
    String[] resp = t.column(responseCol);
    String[] when = t.column(byDay ? dayCol : dateCol);
    for (int i = 0; i < t.rowCount(); i++) {
      Subject s = subjects.get(ids[i]);
      if (s == null) {
        if (adsl != null) {
          throw Columns.bad(t, i, id, "a subject present in " + adsl.source(), ids[i]);
        }
        s = new Subject(ids[i]);
        subjects.put(ids[i], s);
      }
      if (adsl == null) {
        readSubjectColumns(t, i, s, ref, byDay, true);
      }
      OverallResponse c = OverallResponse.parse(resp[i]);
      if (c == null) {
        throw Columns.bad(
            t, i, responseCol, "an overall response (" + OverallResponse.codes() + ")", resp[i]);
      }
      int day;
      if (byDay) {
        day = studyDay(t, i, dayCol, when[i]);
      } else {
        LocalDate d = date(t, i, dateCol, when[i]);
        if (s.ref == null) {
          throw new InputException(
              String.format(
                  "%s: subject %s has assessments but no reference date in column %s",
                  subjTable.source(), s.id, ref));
        }
        day = (int) (d.toEpochDay() - s.ref.toEpochDay());
      }
      int k = s.days.indexOf(day);
      if (k >= 0) {
        throw new InputException(
            String.format(
                "%s: subject %s has two assessments on the same %s (lines %d and %d); keep one,"
                    + " e.g. with --where",
                t.source(),
                s.id,
                byDay ? "day" : "date " + when[i].substring(0, 10),
                t.line(s.rows.get(k)),
                t.line(i)));
      }
      s.days.add(day);
      s.codes.add(c);
      s.rows.add(i);
    }

    String param = confirm ? "CBOR" : "BOR";
    BorSettings confirmed = settings.withConfirm(true);
    StringBuilder csv = new StringBuilder();
    // AVALC repeats BOR so the file is ADRS-shaped: `orr --data` reads AVALC by default.
    csv.append("USUBJID,PARAMCD,BOR,AVALC,CONFFL,ADT,FRSPDT,REFDT,DECIDING,REASON\n");
    StringBuilder dor = new StringBuilder();
    dor.append("USUBJID,PARAMCD,PARAM,AVAL,CNSR,STARTDT,ADT,EVNTDESC,STARTDY,ADY\n");
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    Map<Integer, String> labels = new HashMap<>();
    List<String> missing = new ArrayList<>();
    int nDor = 0;
    for (Subject s : subjects.values()) {
      int[] days = s.days.stream().mapToInt(Integer::intValue).toArray();
      OverallResponse[] codes = s.codes.toArray(new OverallResponse[0]);
      BorResult r = BestOverallResponse.derive(days, codes, s.newTherapyDay, settings);
      BorResult rc =
          confirm ? r : BestOverallResponse.derive(days, codes, s.newTherapyDay, confirmed);
      String conffl = "";
      if (r.responder()) {
        conffl = rc.responder() && rc.bor().equals(r.bor()) ? "Y" : "N";
      }
      int rank = rank(r.bor());
      counts.merge(rank, 1, Integer::sum);
      labels.put(rank, r.bor());
      if (r.decidingIndex() < 0) {
        missing.add(s.id);
      }
      String deciding = "";
      if (r.decidingIndex() >= 0) {
        deciding = show(s, r.decidingIndex(), byDay);
        if (r.confirmingIndex() >= 0) {
          deciding += "; confirmed by " + show(s, r.confirmingIndex(), byDay);
        }
      }
      csv.append(
          String.join(
              ",",
              field(s.id),
              param,
              field(r.bor()),
              field(r.bor()),
              conffl,
              r.decidingIndex() >= 0 ? when(s, r.decidingIndex(), byDay) : "",
              r.responder() ? when(s, r.firstResponseIndex(), byDay) : "",
              s.ref == null ? "" : s.ref.toString(),
              field(deciding),
              field(r.reason())));
      csv.append('\n');
      if (r.responder()) {
        nDor++;
        dor.append(dorRow(s, r, days, byDay)).append('\n');
      }
    }

    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            Locale.ROOT,
            "%s: %d subjects [RECIST 1.1, admiralonco %s: confirm %s, confirm-days %d,"
                + " sd-min-days %d from %s, max-ne-between %d, accept-sd %s]",
            confirm ? "Confirmed best overall response" : "Best overall response",
            subjects.size(),
            confirm ? "derive_param_confirmed_bor" : "derive_param_bor",
            confirm ? "yes" : "no",
            confirmDays,
            sdMinDays,
            byDay ? "study day 1" : ref,
            maxNe,
            acceptSd ? "yes" : "no"));
    if (defaultWhere) {
      summary.add("Rows used: PARAMCD=OVR (default filter; give --where to change it)");
    }
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      summary.add(
          String.format(
              Locale.ROOT,
              "  %-14s %5d  (%.1f%%)",
              labels.get(e.getKey()),
              e.getValue(),
              100.0 * e.getValue() / subjects.size()));
    }
    if (!missing.isEmpty()) {
      summary.add(
          String.format(
              Locale.ROOT,
              "%d subject%s without usable assessments (BOR=MISSING, kept in the output): %s",
              missing.size(),
              missing.size() == 1 ? "" : "s",
              String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                  + (missing.size() > 10 ? ", ..." : "")));
    }
    PrintWriter console = spec.commandLine().getOut();
    if (out != null) {
      AtomicFiles.writeText(out, w -> write(w, csv));
      summary.add("Per-subject BOR written to " + out);
    } else {
      console.print(csv);
    }
    if (dorOut != null) {
      AtomicFiles.writeText(dorOut, w -> write(w, dor));
      summary.add(
          String.format(
              Locale.ROOT, "Duration of response (%d responders) written to %s", nDor, dorOut));
    }
    if (out != null) {
      for (String line : summary) {
        console.println(line);
      }
    }
    console.flush();
  }

  private static void write(Writer w, CharSequence s) throws java.io.IOException {
    w.write(s.toString());
  }

  /**
   * The ADTTE-shaped DoR row: start = first CR/PR; event = first PD or death (before new therapy),
   * whichever first; else censored at the last adequate assessment (CR, PR, SD, NON-CR/NON-PD).
   * AVAL = end - start + 1 days (admiral's derive_param_tte default).
   */
  private String dorRow(Subject s, BorResult r, int[] days, boolean byDay) {
    int start = days[r.firstResponseIndex()];
    Integer end = null;
    String desc;
    int cnsr;
    if (r.firstPdIndex() >= 0) {
      end = days[r.firstPdIndex()];
      desc = "PD";
      cnsr = 0;
    } else {
      desc = "LAST ADEQUATE ASSESSMENT";
      cnsr = 1;
    }
    if (s.deathDay != null && s.deathDay < s.newTherapyDay && (end == null || s.deathDay < end)) {
      if (s.deathDay < start) {
        throw new InputException(
            String.format(
                "subject %s: death (day %d) before the first response (day %d)",
                s.id, s.deathDay, start));
      }
      end = s.deathDay;
      desc = "DEATH";
      cnsr = 0;
    }
    if (end == null) {
      end = days[r.lastAdequateIndex()];
    }
    int aval = end - start + 1;
    return String.join(
        ",",
        field(s.id),
        "DOR",
        "Duration of Response",
        Integer.toString(aval),
        Integer.toString(cnsr),
        byDay ? "" : s.ref.plusDays(start).toString(),
        byDay ? "" : s.ref.plusDays(end).toString(),
        desc,
        Integer.toString(studyDayOf(start)),
        Integer.toString(studyDayOf(end)));
  }

  private static int studyDayOf(int day) {
    return day >= 0 ? day + 1 : day;
  }

  private static String show(Subject s, int idx, boolean byDay) {
    return when(s, idx, byDay) + " " + s.codes.get(idx).code();
  }

  private static String when(Subject s, int idx, boolean byDay) {
    int d = s.days.get(idx);
    return byDay ? "day " + studyDayOf(d) : s.ref.plusDays(d).toString();
  }

  private static String field(String v) {
    return Cells.csvField(Cells.safeText(v));
  }

  private static int rank(String bor) {
    OverallResponse r = OverallResponse.parse(bor);
    return r == null ? 99 : r.ordinal();
  }

  private static String defaultRef(DataTable t) {
    if (t.has("RANDDT")) {
      return "RANDDT";
    }
    if (t.has("TRTSDT")) {
      return "TRTSDT";
    }
    throw new InputException(
        t.source()
            + ": no RANDDT or TRTSDT column for the reference date; name one with --ref-date-col");
  }

  /** Reads reference, new-therapy and death columns of row {@code i} into {@code s}. */
  private void readSubjectColumns(
      DataTable t, int i, Subject s, String ref, boolean byDay, boolean fromData) {
    if (!byDay) {
      String v = t.column(ref)[i];
      if (v != null && !v.isEmpty()) {
        LocalDate d = date(t, i, ref, v);
        if (fromData && s.ref != null && !s.ref.equals(d)) {
          throw Columns.bad(t, i, ref, "the same reference date on every row of " + s.id, v);
        }
        s.ref = d;
      }
    }
    if (newTherapyCol != null) {
      Integer d = optionalDay(t, i, newTherapyCol, s, byDay);
      if (d != null) {
        s.newTherapyDay = d;
      }
    }
    if (deathCol != null) {
      Integer d = optionalDay(t, i, deathCol, s, byDay);
      if (d != null) {
        s.deathDay = d;
      }
    }
  }

  private static Integer optionalDay(DataTable t, int i, String col, Subject s, boolean byDay) {
    String v = t.column(col)[i];
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (byDay) {
      return studyDay(t, i, col, v);
    }
    LocalDate d = date(t, i, col, v);
    if (s.ref == null) {
      throw Columns.bad(t, i, col, "a date only for subjects with a reference date", v);
    }
    return (int) (d.toEpochDay() - s.ref.toEpochDay());
  }

  /** An ISO date (a time part, if any, is ignored); anything else is a cell error. */
  static LocalDate date(DataTable t, int i, String col, String v) {
    String expected = "an ISO date YYYY-MM-DD";
    if (v == null || !ISO.matcher(v).matches()) {
      throw Columns.bad(t, i, col, expected, v);
    }
    try {
      return LocalDate.parse(v.substring(0, 10));
    } catch (DateTimeParseException e) {
      throw Columns.bad(t, i, col, expected, v);
    }
  }

  /** Study day (ADY convention: day 1 = reference date, no day 0) to days since reference. */
  static int studyDay(DataTable t, int i, String col, String v) {
    String expected = "a study day (integer, not 0)";
    try {
      double d = Double.parseDouble(v);
      if (d != Math.rint(d) || d == 0 || Math.abs(d) > 1e6) {
        throw Columns.bad(t, i, col, expected, v);
      }
      int k = (int) d;
      return k > 0 ? k - 1 : k;
    } catch (NumberFormatException | NullPointerException e) {
      throw Columns.bad(t, i, col, expected, v);
    }
  }
}
