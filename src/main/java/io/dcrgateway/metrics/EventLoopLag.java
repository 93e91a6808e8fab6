package io.dcrgateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code dcr_gateway_event_loop_lag_seconds{loop}}: how late a timer runs on each event loop of
 * the public listener. Every handshake, signature check and answer of a loop waits behind
 * whatever that loop is doing, so lag is what a TPP feels when something blocks it or the
 * machine is short of CPU, before any latency histogram moves. A periodic timer of
 * {@link #INTERVAL} (Netty's fixed rate: tick k is due k intervals after the first, a late tick
 * does not move the later ones); the lag is how much later than due each tick ran.
 */
public final class EventLoopLag {

  static final String LAG = "dcr_gateway_event_loop_lag";
  static final Duration INTERVAL = Duration.ofMillis(100);

  private final MeterRegistry registry;
  private final Duration interval;

  EventLoopLag(MeterRegistry registry) {
    this(registry, INTERVAL);
  }

  EventLoopLag(MeterRegistry registry, Duration interval) {
    this.registry = registry;
    this.interval = interval;
  }

  /**
   * Measures the event loop of the calling context (a verticle's: its timers stop when it is
   * undeployed). Call from the context to watch.
   */
  public void watchCurrentLoop(Vertx vertx) {
    Timer lag = Timer.builder(LAG)
        .description("how late a periodic timer ran on each event loop of the public listener")
        .tag("loop", Thread.currentThread().getName())
        .register(registry);
    long period = TimeUnit.MILLISECONDS.toNanos(interval.toMillis());
    long start = System.nanoTime();
    long[] tick = {0};
    vertx.setPeriodic(interval.toMillis(), id -> {
      long due = start + ++tick[0] * period;
      lag.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
    });
  }
}
