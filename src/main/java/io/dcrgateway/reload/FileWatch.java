package io.dcrgateway.reload;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks at the watched files every interval and reports a change once it has settled: two looks
 * in a row agree, and differ from what was last applied. So a certificate and its key copied one
 * after the other reload once, together, rather than failing half-way.
 */
public final class FileWatch {

  private static final Logger LOG = Logger.getLogger(FileWatch.class.getName());

  private final Vertx vertx;
  private final Supplier<List<Path>> files;
  private final Consumer<List<Path>> onChange;
  private final long timer;
  /** Touched only on the timer's event loop. */
  private FileFingerprints applied;
  private FileFingerprints settling;
  private boolean looking;
  private final io.vertx.core.Promise<Void> baseline = io.vertx.core.Promise.promise();

  private FileWatch(Vertx vertx, Duration interval, Supplier<List<Path>> files, Consumer<List<Path>> onChange) {
    this.vertx = vertx;
    this.files = files;
    this.onChange = onChange;
    this.timer = vertx.setPeriodic(Math.max(1, interval.toMillis()), id -> look());
  }

  /**
   * @param files the files to watch, asked at every look (a reload may name others)
   * @param onChange told the changed files once they settle
   */
  public static FileWatch start(Vertx vertx, Duration interval, Supplier<List<Path>> files,
      Consumer<List<Path>> onChange) {
    return new FileWatch(vertx, interval, files, onChange);
  }

  /** The files as they are now are what runs: after a reload from any trigger. */
  public void rebase() {
    vertx.runOnContext(v -> {
      applied = null;
      settling = null;
    });
  }

  /** Completes once the files have been looked at: changes from then on are noticed. */
  public io.vertx.core.Future<Void> baseline() {
    return baseline.future();
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }

  private void look() {
    if (looking) {
      return;
    }
    looking = true;
    List<Path> watched = files.get();
    vertx.executeBlocking(() -> FileFingerprints.of(watched), false)
        .onComplete(done -> {
          looking = false;
          if (done.failed()) {
            LOG.log(Level.WARNING, "cannot look at the watched files", done.cause());
            return;
          }
          compare(done.result());
        });
  }

  private void compare(FileFingerprints now) {
    if (applied == null) {
      applied = now;
      baseline.tryComplete();
      return;
    }
    if (now.equals(applied)) {
      settling = null;
      return;
    }
    if (!now.equals(settling)) {
      settling = now;
      return;
    }
    List<Path> changed = now.changedSince(applied);
    applied = now;
    settling = null;
    onChange.accept(changed);
  }
}
