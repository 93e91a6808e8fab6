package io.dcrgateway.reload;

import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.config.ConfigException;
import io.dcrgateway.config.ConfigLoader;
import io.dcrgateway.config.ConfigProblem;
import io.dcrgateway.config.FileChecks;
import io.dcrgateway.config.SetupException;
import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.server.GatewayServer;
import io.dcrgateway.server.Preflight;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Reloads the running gateway from its config file: loads and checks it off the event loop
 * exactly as {@code run} does at start (every problem reported, every file it names parsed), then
 * lets the server swap it in. Attempts run one after another, never interleaved. Each ends in a
 * log line, a {@code dcr_gateway_reloads_total} count and an audit record.
 */
public final class Reloader {

  private static final Logger LOG = Logger.getLogger(Reloader.class.getName());

  private final Vertx vertx;
  private final Path configFile;
  private final Function<String, String> env;
  private final GatewayServer server;
  private final GatewayMetrics metrics;
  private final AuditLog audit;
  private volatile List<Path> watched;
  private Future<ReloadOutcome> last = Future.succeededFuture();

  /** @param watched the files the running config was read from */
  public Reloader(Vertx vertx, Path configFile, Function<String, String> env, List<Path> watched,
      GatewayServer server, GatewayMetrics metrics, AuditLog audit) {
    this.vertx = vertx;
    this.configFile = configFile;
    this.env = env;
    this.watched = List.copyOf(watched);
    this.server = server;
    this.metrics = metrics;
    this.audit = audit;
  }

  /** The config file and every file the running config names: what a {@link FileWatch} looks at. */
  public List<Path> watchedFiles() {
    return watched;
  }

  /** Queued behind any attempt still running; completes (never fails) with what happened. */
  public synchronized Future<ReloadOutcome> reload(String trigger) {
    Future<ReloadOutcome> next = last.transform(previous -> attempt(trigger));
    last = next;
    return next;
  }

  private Future<ReloadOutcome> attempt(String trigger) {
    LOG.info(() -> "dcr-gateway: reloading " + configFile + " (" + trigger + ")");
    long start = System.nanoTime();
    Instant at = Instant.now();
    return vertx.executeBlocking(() -> {
          ConfigLoader.Loaded loaded = ConfigLoader.loadWithFiles(configFile, env, FileChecks.REQUIRE_ALL);
          return new Candidate(loaded, Preflight.of(loaded.config()));
        }, false)
        .compose(candidate -> server.reload(candidate.loaded().config(), candidate.preflight())
            .map(restartRequired -> {
              watched = candidate.loaded().files();
              return new ReloadOutcome(trigger, true, List.of(), restartRequired, micros(start));
            }))
        .otherwise(e -> new ReloadOutcome(trigger, false, problems(e), List.of(), micros(start)))
        .andThen(done -> record(at, done.result()));
  }

  private void record(Instant at, ReloadOutcome outcome) {
    metrics.reloaded(outcome.applied());
    audit.reload(at, outcome.trigger(), outcome.applied(), outcome.problems(), outcome.restartRequired(),
        outcome.durationMicros());
    if (outcome.applied()) {
      LOG.info("dcr-gateway: reloaded " + configFile + " (" + outcome.trigger() + ")"
          + (outcome.restartRequired().isEmpty() ? ""
              : "; changes to " + String.join(", ", outcome.restartRequired()) + " take effect at the next restart"));
    } else {
      LOG.warning("dcr-gateway: reload of " + configFile + " refused (" + outcome.trigger()
          + "); the running config stays in force:\n  " + String.join("\n  ", outcome.problems()));
    }
  }

  private static List<String> problems(Throwable e) {
    if (e instanceof ConfigException config) {
      return config.problems().stream().map(ConfigProblem::toString).toList();
    }
    if (e instanceof SetupException setup) {
      return setup.problems().stream().map(ConfigProblem::toString).toList();
    }
    return List.of(String.valueOf(e.getMessage()));
  }

  private static long micros(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000;
  }

  private record Candidate(ConfigLoader.Loaded loaded, Preflight preflight) {
  }
}
