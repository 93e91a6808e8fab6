package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RawTls;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: a client that opens a request and stops sending holds a connection (and its
 * buffers) until the listener's idle timeout cuts it. Here the timeout is 2 s; the test allows 15 s
 * for the close so a loaded machine does not fail it, which still tells a cut from a hang.
 * A client trickling a byte just inside every idle period is held only by a total request
 * timeout (issue 7, limits), not by this one.
 */
class SlowClientTest {

  private static final Duration IDLE = Duration.ofSeconds(2);
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(c -> HostileConfigs.idleTimeout(HostileConfigs.openFinance(c), IDLE));
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  @Test
  void aClientThatStopsHalfwayThroughTheHeadersIsDisconnected() throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      connection.send("POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appli");

      assertThat(connection.closesWithin(PATIENCE)).isTrue();
    }
    assertThat(fixture.upstream().received()).isEmpty();
  }

  @Test
  void aClientThatStopsHalfwayThroughTheBodyIsDisconnectedAndNothingIsForwarded() throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      connection.send("POST /register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"redirect_uris\":[");

      assertThat(connection.closesWithin(PATIENCE)).isTrue();
    }
    assertThat(fixture.upstream().received()).isEmpty();
  }

  @Test
  void aClientThatConnectsAndNeverSpeaksIsDisconnected() throws Exception {
    try (RawTls connection = RawTls.open(fixture.gateway().port())) {
      assertThat(connection.closesWithin(PATIENCE)).isTrue();
    }
  }
}
