package io.dcrgateway.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watch every gateway test relies on must itself be able to fail. */
class BlockedThreadWatchTest {

  @Test
  void reportsAnEventLoopBlockedBeyondTheLimit() throws Exception {
    Vertx vertx = TestVertx.create(new VertxOptions()
        .setBlockedThreadCheckInterval(20).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(50).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    BlockedThreadWatch watch = new BlockedThreadWatch();
    try {
      vertx.runOnContext(v -> {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < until) {
          Thread.onSpinWait(); // deliberately hog the event loop
        }
      });
      vertx.timer(400, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(5, TimeUnit.SECONDS);
    }
    assertThatThrownBy(watch::close).isInstanceOf(AssertionError.class).hasMessageContaining("blocked");
  }
}
