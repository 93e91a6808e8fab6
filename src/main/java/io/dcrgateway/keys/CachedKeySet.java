package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import io.dcrgateway.fetch.FetchGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The keys of one JWKS source, kept fresh in the background and readable without waiting.
 *
 * <p>Thread-safe: request handlers on any event loop may read and trigger refreshes. At most one
 * fetch per source runs at a time; callers arriving while it runs share its outcome. Every fetch,
 * periodic or on demand, is at least {@code minRefreshGap} after the previous one, so made-up
 * {@code kid}s cannot turn the gateway into a load generator against the publisher.
 *
 * <p>A failed fetch never throws away keys: the last good set keeps being served until it is
 * older than {@code maxStaleness}, then the set reports {@link KeyAvailability#STALE} and is not
 * used (fail closed) until a fetch succeeds again.
 */
public final class CachedKeySet {

  private static final Logger LOG = Logger.getLogger(CachedKeySet.class.getName());
  private static final JWKSet NO_KEYS = new JWKSet();
  // After a failure the next periodic attempt comes sooner than refreshInterval, but never in a
  // tight loop even if minRefreshGap is configured as zero.
  private static final Duration LEAST_RETRY_DELAY = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final KeySetSource source;
  private final KeySetLoader loader;
  private final Clock clock;
  private final FetchCounters counters;

  private volatile Loaded lastGood;
  private volatile KeySetHealth.FetchFailure lastFailure;

  // Guarded by this; held only for a few field reads and writes, never across I/O.
  private Instant lastAttempt;
  private Future<Void> inFlight;
  private long timerId = -1;
  private boolean started;
  private boolean stopped;

  private record Loaded(JWKSet keys, Instant fetchedAt) {
  }

  CachedKeySet(Vertx vertx, KeySetSource source, KeySetLoader loader, Clock clock, FetchCounters counters) {
    this.vertx = vertx;
    this.source = source;
    this.loader = loader;
    this.clock = clock;
    this.counters = counters;
  }

  /** A key set with its own HTTP client (closed by {@link #stop()}) and the system clock. */
  public static CachedKeySet create(Vertx vertx, KeySetSource source) {
    if (source.url().isPresent()) {
      return new CachedKeySet(vertx, source,
          new HttpKeySetLoader(vertx, HttpKeySetLoader.newClient(vertx), true, source),
          Clock.systemUTC(), new FetchCounters());
    }
    return create(vertx, source, null, Clock.systemUTC());
  }

  /**
   * @param client shared HTTP client for URL sources, left open by {@link #stop()}; unused (may be
   *     null) for file sources
   */
  public static CachedKeySet create(Vertx vertx, KeySetSource source, WebClient client, Clock clock) {
    return new CachedKeySet(vertx, source, loaderFor(vertx, source, client), clock, new FetchCounters());
  }

  static KeySetLoader loaderFor(Vertx vertx, KeySetSource source, WebClient client) {
    return loaderFor(vertx, source, client, FetchGuard.TRUSTED);
  }

  static KeySetLoader loaderFor(Vertx vertx, KeySetSource source, WebClient client, FetchGuard guard) {
    if (source.url().isPresent()) {
      if (client == null) {
        throw new IllegalArgumentException("a URL key set source needs a web client");
      }
      return new HttpKeySetLoader(vertx, client, false, source, guard);
    }
    return new FileKeySetLoader(vertx, source.file().orElseThrow(), source.maxBytes());
  }

  /**
   * Loads the set once, then refreshes it every {@code refreshInterval}. For a URL, a failed first
   * fetch is not fatal: the publisher may be briefly down while the gateway starts, and requests
   * needing these keys get 503 until a fetch succeeds (see {@link #current()}). For a file it is:
   * a missing or malformed local file is a deployment mistake to report at startup.
   */
  public Future<Void> start() {
    synchronized (this) {
      if (started) {
        return Future.failedFuture(new IllegalStateException("already started: " + source.location()));
      }
      started = true;
    }
    return fetchIfLastAttemptOlderThan(Duration.ZERO).transform(first -> {
      if (first.failed() && source.file().isPresent()) {
        return Future.failedFuture(first.cause());
      }
      scheduleNext(first.failed());
      return Future.succeededFuture();
    });
  }

  /** Cancels periodic refresh; the last keys stay readable. */
  public void stop() {
    synchronized (this) {
      stopped = true;
      if (timerId >= 0) {
        vertx.cancelTimer(timerId);
      }
    }
    loader.close();
  }

  /** The keys as of now, and whether they may be used. Never waits. */
  public KeySnapshot current() {
    Loaded good = lastGood;
    if (good == null) {
      return new KeySnapshot(KeyAvailability.NOT_LOADED, NO_KEYS, Optional.empty());
    }
    if (clock.instant().isAfter(good.fetchedAt().plus(source.maxStaleness()))) {
      return new KeySnapshot(KeyAvailability.STALE, NO_KEYS, Optional.of(good.fetchedAt()));
    }
    return new KeySnapshot(KeyAvailability.AVAILABLE, good.keys(), Optional.of(good.fetchedAt()));
  }

  /**
   * The set to verify a JWS whose header names {@code kid}. A known kid answers at once; an unknown
   * one triggers a fetch (the publisher may have just rotated), subject to {@code minRefreshGap},
   * and then answers the possibly unchanged set: the caller decides that a still-missing kid is the
   * sender's error.
   *
   * @return the usable set, or a failed future with {@link KeySetUnavailableException}
   */
  public Future<JWKSet> refreshForUnknownKid(String kid) {
    return keysFor(Optional.of(kid));
  }

  /**
   * Like {@link #refreshForUnknownKid(String)}, for sources that are used on demand rather than
   * {@link #start() started}: a set older than {@code refreshInterval} is refreshed in the
   * background while the current one is answered, so no timer is needed per source.
   */
  public Future<JWKSet> keysFor(Optional<String> kid) {
    KeySnapshot now = current();
    if (now.usable() && kid.map(now::hasKeyId).orElse(true)) {
      fetchIfLastAttemptOlderThan(max(source.refreshInterval(), source.minRefreshGap()));
      return Future.succeededFuture(now.keys());
    }
    return onCallerContext(fetchIfLastAttemptOlderThan(source.minRefreshGap())
        .transform(fetched -> usableOrUnavailable()));
  }

  public KeySetHealth health() {
    KeySnapshot now = current();
    return new KeySetHealth(source.location(), now.availability(), now.fetchedAt(),
        Optional.ofNullable(lastFailure), now.keys().size(), counters.fetches(), counters.failures());
  }

  public KeySetSource source() {
    return source;
  }

  private Future<JWKSet> usableOrUnavailable() {
    KeySnapshot now = current();
    if (now.usable()) {
      return Future.succeededFuture(now.keys());
    }
    KeySetHealth.FetchFailure failure = lastFailure;
    String detail = failure == null ? "no fetch has completed yet" : "last fetch failed: " + failure.reason();
    return Future.failedFuture(new KeySetUnavailableException(source.location(), now.availability(), detail));
  }

  /**
   * Joins the fetch in flight, or starts one if the last attempt is at least {@code gap} ago.
   * Completes (successfully) without fetching otherwise; fails if the fetch it joined or started
   * failed. Either way the outcome is already reflected in {@link #current()}.
   */
  private Future<Void> fetchIfLastAttemptOlderThan(Duration gap) {
    Promise<Void> fetch;
    synchronized (this) {
      if (inFlight != null) {
        return inFlight;
      }
      Instant now = clock.instant();
      if (lastAttempt != null && now.isBefore(lastAttempt.plus(gap))) {
        return Future.succeededFuture();
      }
      lastAttempt = now;
      fetch = Promise.promise();
      inFlight = fetch.future();
    }
    counters.fetched();
    Future<JWKSet> loading;
    try {
      loading = loader.load();
    } catch (RuntimeException e) {
      loading = Future.failedFuture(e);
    }
    loading.onComplete(loaded -> {
      if (loaded.succeeded()) {
        lastGood = new Loaded(loaded.result(), clock.instant());
      } else {
        recordFailure(loaded.cause());
      }
      synchronized (this) {
        inFlight = null;
      }
      fetch.handle(loaded.mapEmpty());
    });
    return fetch.future();
  }

  private void recordFailure(Throwable cause) {
    counters.failed();
    boolean routine = cause instanceof KeySetFetchException;
    String reason = routine ? cause.getMessage() : cause.toString();
    lastFailure = new KeySetHealth.FetchFailure(clock.instant(), reason);
    String message = "key set fetch failed: " + source.location() + ": " + reason
        + (lastGood == null ? " (no keys loaded yet)" : " (serving keys fetched at " + lastGood.fetchedAt() + ")");
    if (routine) {
      LOG.warning(message);
    } else {
      LOG.log(Level.WARNING, message, cause);
    }
  }

  private void scheduleNext(boolean lastFailed) {
    Duration delay = lastFailed
        ? min(source.refreshInterval(), max(source.minRefreshGap(), LEAST_RETRY_DELAY))
        : source.refreshInterval();
    synchronized (this) {
      if (stopped) {
        return;
      }
      timerId = vertx.setTimer(Math.max(1, delay.toMillis()), id ->
          fetchIfLastAttemptOlderThan(source.minRefreshGap())
              .onComplete(fetched -> scheduleNext(fetched.failed())));
    }
  }

  /**
   * A shared fetch completes on whichever event loop started it; a request handler waiting on it
   * must continue on its own loop, where its connection lives.
   */
  private static <T> Future<T> onCallerContext(Future<T> shared) {
    Context caller = Vertx.currentContext();
    if (caller == null || shared.isComplete()) {
      return shared;
    }
    Promise<T> resumed = Promise.promise();
    shared.onComplete(outcome -> {
      if (Vertx.currentContext() == caller) {
        resumed.handle(outcome);
      } else {
        caller.runOnContext(v -> resumed.handle(outcome));
      }
    });
    return resumed.future();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
