package org.trialstats.cli;

import java.util.function.Supplier;

/**
 * A task run in a second thread beside the caller's work when the input is large (the machines this
 * runs on have two or more cores and the statistics of a million rows take tenths of a second), or
 * in the caller's thread otherwise. {@link #get} waits for it and rethrows what it threw,
 * unwrapped, so errors read as if the task had run in line.
 */
final class Beside<T> {
  /** From this many rows, tasks are worth a thread (a thread costs well under a millisecond). */
  static final int MIN_ROWS = 100_000;

  private final Thread thread;
  private T value;
  private RuntimeException failure;
  private Error error;

  private Beside(Supplier<T> task, boolean inThread) {
    Runnable r =
        () -> {
          try {
            value = task.get();
          } catch (RuntimeException e) {
            failure = e;
          } catch (Error e) {
            error = e;
          }
        };
    if (inThread) {
      thread = new Thread(r, "trialstats-beside");
      thread.start();
    } else {
      thread = null;
      r.run();
    }
  }

  /** Starts {@code task} in a second thread when {@code rows >= MIN_ROWS}, else runs it now. */
  static <T> Beside<T> start(int rows, Supplier<T> task) {
    return new Beside<>(task, rows >= MIN_ROWS);
  }

  /** The task's result, once it is done; its exception is rethrown as is. */
  T get() {
    if (thread != null) {
      boolean interrupted = false;
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (error != null) {
      throw error;
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }
}
