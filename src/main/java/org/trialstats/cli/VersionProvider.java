package org.trialstats.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the pom (filtered into trialstats-version.properties at build time). */
public final class VersionProvider implements IVersionProvider {
  /** The project version, or "unknown" outside a build. */
  public static String version() {
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/trialstats-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "trialstats " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
