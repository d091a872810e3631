package org.trialstats.response;

import java.util.Locale;

/**
 * RECIST 1.1 visit-level overall response codes (ADRS {@code PARAMCD=OVR}, {@code AVALC}), plus
 * {@code ND} (not done), which admiralonco also accepts. Declared from best to worst, the order of
 * preference for best overall response.
 */
public enum OverallResponse {
  CR("CR"),
  PR("PR"),
  SD("SD"),
  NON_CR_NON_PD("NON-CR/NON-PD"),
  PD("PD"),
  NE("NE"),
  ND("ND");

  private final String code;

  OverallResponse(String code) {
    this.code = code;
  }

  /** The CDISC code, e.g. {@code NON-CR/NON-PD}. */
  public String code() {
    return code;
  }

  /** The response for a code (case-insensitive, surrounding blanks ignored), or null if unknown. */
  public static OverallResponse parse(String s) {
    if (s == null) {
      return null;
    }
    String u = s.trim().toUpperCase(Locale.ROOT);
    for (OverallResponse r : values()) {
      if (r.code.equals(u)) {
        return r;
      }
    }
    return null;
  }

  /** The accepted codes, comma separated (for messages). */
  public static String codes() {
    StringBuilder b = new StringBuilder();
    for (OverallResponse r : values()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(r.code);
    }
    return b.toString();
  }
}
