package io.dcrgateway.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.TestClock;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Expired ids are removed in the background, so the cap is reached only by unexpired ones. */
class ExpiredIdPurgeTest {

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void periodicPurgeRemovesExpiredIdsAndKeepsTheRest() throws Exception {
    TestClock clock = new TestClock();
    InMemoryReplayStore store = new InMemoryReplayStore(clock);
    for (int i = 0; i < 100; i++) {
      store.firstUse("ssa", "expiring-" + i, clock.instant().plus(Duration.ofMinutes(1)));
    }
    store.firstUse("ssa", "lasting", clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(2));

    ExpiredIdPurge purge = ExpiredIdPurge.start(vertx, store, Duration.ofMillis(50));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (store.size() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } finally {
      purge.stop();
    }

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.firstUse("ssa", "lasting", clock.instant().plus(Duration.ofHours(1))).result()).isFalse();
  }
}
