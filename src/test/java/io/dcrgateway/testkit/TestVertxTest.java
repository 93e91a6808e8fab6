package io.dcrgateway.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The tests run on the transport production runs on: otherwise they would prove the wrong thing. */
class TestVertxTest {

  @Test
  void onLinuxTheTestsRunOnEpollLikeTheGateway() throws Exception {
    assumeTrue(System.getProperty("os.name").equals("Linux")
        && List.of("amd64", "aarch64").contains(System.getProperty("os.arch")), "epoll ships for Linux only");
    Vertx vertx = TestVertx.create();
    try {
      assertThat(vertx.isNativeTransportEnabled()).isEqualTo(TestVertx.TRANSPORT == Transport.NATIVE);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
