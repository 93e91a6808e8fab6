package io.dcrgateway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dcrgateway.metrics.InstrumentedVertx;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tests run on the transport production runs on: otherwise they would prove the wrong thing. */
class TestVertxTest {

  @Test
  void onLinuxTheTestsRunOnIoUringOrEpollLikeTheGateway() throws Exception {
    assumeTrue(System.getProperty("os.name").equals("Linux")
        && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")), "epoll and io_uring ship for Linux only");
    Vertx vertx = TestVertx.create();
    try {
      String transport = ((VertxInternal) vertx).transport().getClass().getSimpleName();
      String expected = switch (TestVertx.TRANSPORT) {
        case IO_URING -> InstrumentedVertx.ioUringUnavailable().isEmpty() ? "IoUringTransport" : "EpollTransport";
        case NATIVE -> "EpollTransport";
        case NIO -> "NioTransport";
      };
      assertThat(transport).isEqualTo(expected);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
