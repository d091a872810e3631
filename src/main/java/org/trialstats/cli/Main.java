package org.trialstats.cli;

import java.io.PrintWriter;
import org.trialstats.io.InputException;
import org.trialstats.io.ReadAhead;
import picocli.CommandLine;

/**
 * Entry point. Applies the contract's exit codes: 0 success, 2 bad usage or bad input (one clear
 * message), 1 internal error (message and a hint to report it; the stack trace only with {@code
 * --debug}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    readAhead(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Starts reading a large {@code --data} file while picocli builds its model (see {@link
   * ReadAhead}); options are only looked at here, not checked.
   */
  static void readAhead(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String f = null;
      if (args[i].equals("--data") && i + 1 < args.length) {
        f = args[i + 1];
      } else if (args[i].startsWith("--data=")) {
        f = args[i].substring("--data=".length());
      }
      if (f != null) {
        try {
          ReadAhead.start(java.nio.file.Path.of(f));
        } catch (java.nio.file.InvalidPathException e) {
          // reported by the command itself
        }
        return;
      }
    }
  }

  /** Runs the command line with the given streams; returns the exit code (used by tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          // An option setter that rejects its value (e.g. --conf-level) arrives wrapped.
          String msg =
              ex.getCause() instanceof InputException ie ? ie.getMessage() : ex.getMessage();
          c.getErr().println("trialstats: " + msg);
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          c.getErr().flush();
          return ExitCodes.BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parseResult) -> {
          Throwable t = ex;
          if (t instanceof InputException) {
            c.getErr().println("trialstats: " + t.getMessage());
            if (debug) {
              t.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return ExitCodes.BAD_INPUT;
          }
          c.getErr().println("trialstats: internal error: " + t);
          if (debug) {
            t.printStackTrace(c.getErr());
          } else {
            c.getErr()
                .println("Please report this with the command line; --debug shows the details.");
          }
          c.getErr().flush();
          return ExitCodes.INTERNAL;
        });
    return cl.execute(args);
  }

  /** The configured command tree with every analysis (help, tests). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command tree for {@code args}: when the first non-option argument names an
   * analysis, only that one is registered (start-up), otherwise all of them.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new TrialstatsCommand());
    String first = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        first = a;
        break;
      }
    }
    boolean one = false;
    for (Class<?> c : TrialstatsCommand.COMMANDS) {
      if (c.getAnnotation(picocli.CommandLine.Command.class).name().equals(first)) {
        cl.addSubcommand(instance(c));
        one = true;
      }
    }
    if (!one) {
      for (Class<?> c : TrialstatsCommand.COMMANDS) {
        cl.addSubcommand(instance(c));
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(
        t -> t instanceof InputException ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL);
    return cl;
  }

  private static Object instance(Class<?> c) {
    try {
      return c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create command " + c.getName(), e);
    }
  }
}
