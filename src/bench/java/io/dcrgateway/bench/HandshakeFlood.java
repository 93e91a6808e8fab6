package io.dcrgateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forged-certificate connections (scenario 3b: a new mutual-TLS handshake each, refused) beside a
 * window that measures legitimate traffic, due at a fixed rate whatever the server does, so that
 * the gateway and nginx face the same flood (as fast as each answered, the faster server drew the
 * larger flood from the shared cores). It starts a second before that window, so that the flood
 * is at full rate when it opens, and ends when the window closes. Its requests go out on an event
 * loop of their own (a Vert.x of its own in the benchmark's JVM), so that the client's half of
 * the flood's handshakes does not queue on the loops that send and time the measured window; the
 * cores stay shared, as they are with every server measured here.
 */
final class HandshakeFlood implements AutoCloseable {

  /** Time for the flood's connections to reach their full rate before the measured window opens. */
  private static final Duration LEAD = Duration.ofSeconds(1);

  private final Vertx loop;
  private final LoadGenerator.Session session;
  private final double perSecond;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final CompletableFuture<LoadGenerator.Result> result = new CompletableFuture<>();

  private HandshakeFlood(Vertx loop, LoadGenerator.Session session, double perSecond) {
    this.loop = loop;
    this.session = session;
    this.perSecond = perSecond;
  }

  /** Starts the flood against the server on {@code port} and returns once it has had its lead. */
  static HandshakeFlood start(Fixtures fixtures, int port, int connections, double perSecond, int windowSeconds)
      throws InterruptedException {
    Vertx loop = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    LoadGenerator.Target forged = new LoadGenerator.Target("127.0.0.1", port,
        fixtures.identity(Scenario.FORGED_CERTIFICATE_NEW_TLS.client()), false);
    HandshakeFlood flood = new HandshakeFlood(loop, fixtures.generator().on(loop).open(forged, connections), perSecond);
    Workload requests = Workload.cycling(fixtures.sampleRegistrations()).until(flood.ended::get);
    // Bounded by three windows should the measured one never end; stop() ends it first.
    Duration longest = LEAD.plus(Duration.ofSeconds(3L * windowSeconds));
    Thread waiter = new Thread(() -> {
      try {
        flood.result.complete(flood.session.paced(requests, perSecond, longest));
      } catch (Throwable e) {
        flood.result.completeExceptionally(e);
      }
    }, "handshake-flood");
    waiter.setDaemon(true);
    waiter.start();
    try {
      Thread.sleep(LEAD.toMillis());
    } catch (InterruptedException e) {
      flood.close();
      throw e;
    }
    return flood;
  }

  /** The rate the flood was due at. */
  double perSecond() {
    return perSecond;
  }

  /** Ends the flood: no new connections; those in flight are answered. */
  void stop() {
    ended.set(true);
  }

  /** What the flood did, once stopped: its rate and the server's answers to it. */
  LoadGenerator.Result result() throws InterruptedException {
    stop();
    try {
      return result.get(90, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the handshake flood failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the handshake flood did not end within 90 s of its stop", e);
    }
  }

  /** Stops the flood and closes its connections and event loop, whatever happened to the window. */
  @Override
  public void close() {
    stop();
    try {
      session.close();
    } finally {
      loop.close();
    }
  }
}
