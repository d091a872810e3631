package org.trialstats.response;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Best overall response (BOR) and confirmed BOR from visit-level RECIST 1.1 overall responses,
 * following admiralonco {@code derive_param_bor()} and {@code derive_param_confirmed_bor()}
 * (pharmaverse, R/derive_param_bor.R and R/derive_param_confirmed_bor.R; Eisenhauer et al., New
 * response evaluation criteria in solid tumours: RECIST 1.1, Eur J Cancer 2009;45:228-247).
 *
 * <p>Days are counted from the reference date: {@code day = ADT - reference date} (no +1), so the
 * SD window condition {@code ADT >= reference + w} is {@code day >= w}, and confirmation {@code
 * ADT.join >= ADT + c} is a difference of at least {@code c} days.
 *
 * <p>Assessments used: day &gt;= 0 (on/after the reference date, the template's {@code ANL01FL}),
 * day &lt; the new-therapy day ({@code ADT < NACTDT}), up to and including the first PD ({@code
 * source_pd}). Each remaining assessment is a candidate:
 *
 * <ol>
 *   <li>CR: (unconfirmed BOR) any CR; (confirmed) a CR whose first later CR at least {@code
 *       confirmDays} away exists, with only CR or NE in between and at most {@code maxNeBetween} NE
 *       (counted up to and including the confirming assessment).
 *   <li>PR: (unconfirmed) any PR; (confirmed) a PR whose first later CR or PR at least {@code
 *       confirmDays} away exists, with only CR, PR, SD, NE in between, at most {@code maxNeBetween}
 *       NE, at most one SD if {@code acceptSd} else none, and no PR after a CR in that period. A PR
 *       confirmed by a CR stays PR.
 *   <li>SD: SD (and, for confirmed BOR, CR or PR not confirmed) with day &gt;= {@code sdMinDays}.
 *   <li>NON-CR/NON-PD with day &gt;= {@code sdMinDays}.
 *   <li>PD.
 *   <li>NE: NE, and SD or NON-CR/NON-PD (for confirmed BOR also CR, PR) before {@code sdMinDays}.
 *   <li>ND.
 * </ol>
 *
 * The BOR is the best candidate (order above), the earliest on ties; MISSING without any.
 */
public final class BestOverallResponse {
  private BestOverallResponse() {}

  /** No new anticancer therapy. */
  public static final int NO_NEW_THERAPY = Integer.MAX_VALUE;

  /**
   * Derives the BOR of one subject.
   *
   * @param day assessment days relative to the reference date (ADT - reference date), distinct
   * @param code the overall response at each assessment
   * @param newTherapyDay first day of new anticancer therapy (same origin), or {@link
   *     #NO_NEW_THERAPY}
   */
  public static BorResult derive(
      int[] day, OverallResponse[] code, int newTherapyDay, BorSettings s) {
    if (day.length != code.length) {
      throw new IllegalArgumentException("day and code lengths differ");
    }
    Integer[] order = new Integer[day.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      if (code[i] == null) {
        throw new IllegalArgumentException("missing response code at " + i);
      }
    }
    Arrays.sort(order, (a, b) -> Integer.compare(day[a], day[b]));
    for (int k = 1; k < order.length; k++) {
      if (day[order[k]] == day[order[k - 1]]) {
        throw new IllegalArgumentException("two assessments on day " + day[order[k]]);
      }
    }
    boolean[] used = new boolean[day.length];
    List<Integer> seq = new ArrayList<>(); // used assessments in time order (input indices)
    int before = 0;
    int afterTherapy = 0;
    int afterPd = 0;
    boolean pdSeen = false;
    for (int idx : order) {
      if (day[idx] < 0) {
        before++;
      } else if (day[idx] >= newTherapyDay) {
        afterTherapy++;
      } else if (pdSeen) {
        afterPd++;
      } else {
        used[idx] = true;
        seq.add(idx);
        pdSeen = code[idx] == OverallResponse.PD;
      }
    }
    String excluded = excludedNote(before, afterTherapy, afterPd);
    int firstResponse = -1;
    int firstPd = -1;
    int lastAdequate = -1;
    for (int idx : seq) {
      OverallResponse c = code[idx];
      if (firstResponse < 0 && (c == OverallResponse.CR || c == OverallResponse.PR)) {
        firstResponse = idx;
      }
      if (c == OverallResponse.PD && firstPd < 0) {
        firstPd = idx;
      }
      if (c == OverallResponse.CR
          || c == OverallResponse.PR
          || c == OverallResponse.SD
          || c == OverallResponse.NON_CR_NON_PD) {
        lastAdequate = idx;
      }
    }
    if (seq.isEmpty()) {
      return new BorResult(
          BorResult.MISSING,
          false,
          -1,
          -1,
          -1,
          -1,
          -1,
          used,
          "no usable assessment" + (excluded.isEmpty() ? "" : " (" + excluded + ")"));
    }
    int bestRank = Integer.MAX_VALUE;
    int bestPos = -1;
    int bestConfirmPos = -1;
    String bestLabel = null;
    String why = null;
    for (int p = 0; p < seq.size(); p++) {
      int idx = seq.get(p);
      OverallResponse c = code[idx];
      boolean late = day[idx] >= s.sdMinDays();
      int rank;
      String label;
      int confirmPos = -1;
      String note;
      if (c == OverallResponse.CR || c == OverallResponse.PR) {
        String[] whyNot = new String[1];
        int q = confirmation(seq, code, day, p, s, whyNot);
        if (!s.confirm() || q >= 0) {
          rank = c == OverallResponse.CR ? 1 : 2;
          label = c.code();
          confirmPos = q;
          note =
              q >= 0
                  ? String.format(
                      Locale.ROOT,
                      "%s on day %d confirmed by %s on day %d (%d days later)",
                      c.code(),
                      day[idx],
                      code[seq.get(q)].code(),
                      day[seq.get(q)],
                      day[seq.get(q)] - day[idx])
                  : String.format(
                      Locale.ROOT, "%s on day %d (confirmation not required)", c.code(), day[idx]);
        } else if (late) {
          rank = 3;
          label = "SD";
          note =
              String.format(
                  Locale.ROOT,
                  "%s on day %d not confirmed (%s), counted as SD (on/after day %d)",
                  c.code(),
                  day[idx],
                  whyNot[0],
                  s.sdMinDays());
        } else {
          rank = 6;
          label = "NE";
          note =
              String.format(
                  Locale.ROOT,
                  "%s on day %d not confirmed (%s) and before day %d, counted as NE",
                  c.code(),
                  day[idx],
                  whyNot[0],
                  s.sdMinDays());
        }
      } else if (c == OverallResponse.SD || c == OverallResponse.NON_CR_NON_PD) {
        if (late) {
          rank = c == OverallResponse.SD ? 3 : 4;
          label = c.code();
          note =
              String.format(
                  Locale.ROOT,
                  "%s on day %d (minimum %d days met)",
                  c.code(),
                  day[idx],
                  s.sdMinDays());
        } else {
          rank = 6;
          label = "NE";
          note =
              String.format(
                  Locale.ROOT,
                  "%s on day %d is before the %d-day minimum, counted as NE",
                  c.code(),
                  day[idx],
                  s.sdMinDays());
        }
      } else if (c == OverallResponse.PD) {
        rank = 5;
        label = "PD";
        note = String.format(Locale.ROOT, "PD on day %d", day[idx]);
      } else if (c == OverallResponse.NE) {
        rank = 6;
        label = "NE";
        note = String.format(Locale.ROOT, "NE on day %d", day[idx]);
      } else {
        rank = 7;
        label = "ND";
        note = String.format(Locale.ROOT, "ND on day %d", day[idx]);
      }
      if (rank < bestRank) {
        bestRank = rank;
        bestPos = p;
        bestConfirmPos = confirmPos;
        bestLabel = label;
        why = note;
      }
    }
    int decIdx = seq.get(bestPos);
    boolean responder = bestLabel.equals("CR") || bestLabel.equals("PR");
    int confIdx = bestConfirmPos >= 0 ? seq.get(bestConfirmPos) : -1;
    String reason =
        why
            + (s.confirm() ? "; confirmed BOR" : "; BOR without confirmation")
            + (excluded.isEmpty() ? "" : "; " + excluded);
    return new BorResult(
        bestLabel,
        responder && confIdx >= 0,
        decIdx,
        responder ? confIdx : -1,
        firstResponse,
        firstPd,
        lastAdequate,
        used,
        reason);
  }

  /**
   * Position (in {@code seq}) of the assessment confirming the CR/PR at position {@code p}, or -1.
   * admiralonco {@code filter_joined(join_type = "after", first_cond = ...)}: the first later
   * assessment that can confirm it at least {@code confirmDays} later; every assessment after
   * {@code p} up to and including it must be allowed.
   */
  static int confirmation(
      List<Integer> seq, OverallResponse[] code, int[] day, int p, BorSettings s) {
    return confirmation(seq, code, day, p, s, null);
  }

  /** As above; when not confirmed, {@code why[0]} (if given) says why. */
  static int confirmation(
      List<Integer> seq, OverallResponse[] code, int[] day, int p, BorSettings s, String[] why) {
    int idx = seq.get(p);
    boolean cr = code[idx] == OverallResponse.CR;
    int q = -1;
    for (int k = p + 1; k < seq.size(); k++) {
      OverallResponse c = code[seq.get(k)];
      boolean confirms =
          cr ? c == OverallResponse.CR : c == OverallResponse.CR || c == OverallResponse.PR;
      if (confirms && day[seq.get(k)] - day[idx] >= s.confirmDays()) {
        q = k;
        break;
      }
    }
    if (q < 0) {
      return fail(
          why,
          String.format(
              Locale.ROOT,
              "no later %s at least %d days after it",
              cr ? "CR" : "CR/PR",
              s.confirmDays()));
    }
    String upTo =
        String.format(
            Locale.ROOT, " before the %s on day %d", code[seq.get(q)].code(), day[seq.get(q)]);
    int ne = 0;
    int sd = 0;
    int firstCrDay = Integer.MAX_VALUE;
    int lastPrDay = Integer.MIN_VALUE;
    for (int k = p + 1; k <= q; k++) {
      OverallResponse c = code[seq.get(k)];
      int d = day[seq.get(k)];
      switch (c) {
        case NE -> ne++;
        case CR -> firstCrDay = Math.min(firstCrDay, d);
        case PR -> {
          if (cr) {
            return fail(why, "PR on day " + d + upTo);
          }
          lastPrDay = Math.max(lastPrDay, d);
        }
        case SD -> {
          if (cr) {
            return fail(why, "SD on day " + d + upTo);
          }
          sd++;
        }
        default -> {
          return fail(why, c.code() + " on day " + d + upTo);
        }
      }
    }
    if (ne > s.maxNeBetween()) {
      return fail(why, ne + " NE" + upTo + " (at most " + s.maxNeBetween() + " allowed)");
    }
    if (sd > (s.acceptSd() ? 1 : 0)) {
      return fail(
          why, sd + " SD" + upTo + (s.acceptSd() ? " (at most 1 allowed)" : " (--accept-sd off)"));
    }
    if (!cr && firstCrDay != Integer.MAX_VALUE && lastPrDay != Integer.MIN_VALUE) {
      if (!(firstCrDay > lastPrDay)) {
        return fail(why, "a PR after a CR" + upTo);
      }
    }
    return q;
  }

  private static int fail(String[] why, String text) {
    if (why != null) {
      why[0] = text;
    }
    return -1;
  }

  private static String excludedNote(int before, int afterTherapy, int afterPd) {
    List<String> parts = new ArrayList<>();
    if (before > 0) {
      parts.add(before + " before the reference date ignored");
    }
    if (afterTherapy > 0) {
      parts.add(afterTherapy + " on/after new anticancer therapy ignored");
    }
    if (afterPd > 0) {
      parts.add(afterPd + " after first PD ignored");
    }
    return String.join("; ", parts);
  }
}
