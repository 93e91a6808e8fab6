package io.dcrgateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.TestVertx;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** {@code dcr_gateway_event_loop_lag_seconds}: what a TPP waits behind on each public event loop. */
class EventLoopLagTest {

  private static final Duration INTERVAL = Duration.ofMillis(20);
  private static final long BLOCKED_MILLIS = 300;

  @Test
  void aLoopBusyForLongerThanTheIntervalShowsThatDelayAsLagOnItsSeries() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Vertx vertx = TestVertx.create();
    try {
      CompletableFuture<Context> watched = new CompletableFuture<>();
      vertx.deployVerticle(context -> {
        new EventLoopLag(registry, INTERVAL).watchCurrentLoop(vertx);
        watched.complete(context);
        return io.vertx.core.Future.succeededFuture();
      }).await(10, TimeUnit.SECONDS);
      Timer lag = registry.find(EventLoopLag.LAG).timer();
      assertThat(lag).isNotNull();
      assertThat(lag.getId().getTag("loop")).startsWith("vert.x-eventloop-thread-");
      awaitTrue(() -> lag.count() >= 3);
      assertThat(lag.max(TimeUnit.MILLISECONDS)).as("an idle loop").isLessThan(BLOCKED_MILLIS / 2.0);

      watched.get().runOnContext(v -> busyFor(BLOCKED_MILLIS));

      awaitTrue(() -> lag.max(TimeUnit.MILLISECONDS) >= BLOCKED_MILLIS - INTERVAL.toMillis());
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyEventLoopOfThePublicListenerHasItsOwnSeries() throws Exception {
    try (GatewayFixture fixture = GatewayFixture.start()) {
      List<Timer> loops = List.copyOf(fixture.gateway().server().metrics().registry()
          .find(EventLoopLag.LAG).timers());

      assertThat(loops).isNotEmpty();
      assertThat(loops).extracting(t -> t.getId().getTag("loop")).doesNotHaveDuplicates()
          .allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
      awaitTrue(() -> loops.stream().allMatch(t -> t.count() > 0));
    }
  }

  /** Holds the event loop, as a blocking call on it would. */
  private static void busyFor(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
