package io.dcrgateway.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forged-certificate connections (scenario 3b: a new mutual-TLS handshake each, refused) as fast
 * as the server answers them, beside a window that measures legitimate traffic. It starts a
 * second before that window, so that the flood is at full rate when the window opens, and ends
 * when the window closes. Its own closed loop runs on a thread of its own; the requests go out
 * on the load generator's event loops like every other window's.
 */
final class HandshakeFlood {

  /** Time for the flood's connections to reach their full rate before the measured window opens. */
  private static final Duration LEAD = Duration.ofSeconds(1);

  private final LoadGenerator.Session session;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final CompletableFuture<LoadGenerator.Result> result = new CompletableFuture<>();

  private HandshakeFlood(LoadGenerator.Session session) {
    this.session = session;
  }

  /** Starts the flood against the server on {@code port} and returns once it has had its lead. */
  static HandshakeFlood start(Fixtures fixtures, int port, int connections, double perSecond, int windowSeconds)
      throws InterruptedException {
    LoadGenerator.Target forged = new LoadGenerator.Target("127.0.0.1", port,
        fixtures.identity(Scenario.FORGED_CERTIFICATE_NEW_TLS.client()), false);
    HandshakeFlood flood = new HandshakeFlood(fixtures.generator().open(forged, connections));
    Workload requests = Workload.cycling(fixtures.sampleRegistrations()).until(flood.ended::get);
    // Bounded by three windows should the measured one never end; stop() ends it first.
    Duration longest = LEAD.plus(Duration.ofSeconds(3L * windowSeconds));
    Thread loop = new Thread(() -> {
      try {
        flood.result.complete(flood.session.paced(requests, perSecond, longest));
      } catch (Throwable e) {
        flood.result.completeExceptionally(e);
      }
    }, "handshake-flood");
    loop.setDaemon(true);
    loop.start();
    Thread.sleep(LEAD.toMillis());
    return flood;
  }

  /** Ends the flood: no new connections, those in flight answered. */
  void stop() {
    ended.set(true);
  }

  /** What the flood did, once stopped: its rate and the servers' answers to it. */
  LoadGenerator.Result result() throws InterruptedException {
    try {
      return result.get(90, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the handshake flood failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the handshake flood did not end within 90 s of its stop", e);
    } finally {
      session.close();
    }
  }
}
