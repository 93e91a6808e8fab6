package io.dcrgateway.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dcrgateway.config.ListenerConfig.TlsEngine;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests of BoringSSL's own settings: skipped on the JDK engine run, one Vert.x and upstream per class. */
abstract class BoringSslListenerTest {

  static Vertx vertx;
  static RecordingUpstream upstream;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(TestConfigs.TLS_ENGINE == TlsEngine.OPENSSL, "a BoringSSL setting");
    vertx = TestVertx.create();
    upstream = RecordingUpstream.start(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      upstream.close();
      vertx.close().await(20, TimeUnit.SECONDS);
      vertx = null;
    }
  }
}
