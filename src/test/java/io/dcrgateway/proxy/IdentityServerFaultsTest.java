package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.Limits;
import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, faults: an identity server that resets, answers garbage, truncates, drips or is down
 * gets the TPP a JSON 502/504 within the configured timeouts, the registration is sent exactly once
 * (never retried: no double registration), and the gateway serves again as soon as the IS does.
 */
class IdentityServerFaultsTest {

  /** Idle limit towards the IS, and the whole request's deadline. */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  /** Slack for a loaded 2-core machine on top of a configured timeout. */
  private static final Duration SLACK = Duration.ofSeconds(8);

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = TestVertx.create();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aResetConnectionIs502AndTheRegistrationIsNotRetried() throws Exception {
    assertFault(NetSocket::close, 502, "bad_gateway");
  }

  @Test
  void anAnswerThatIsNotHttpIs502() throws Exception {
    assertFault(socket -> socket.write("SSH-2.0-OpenSSH_9.6\r\nthis is not HTTP\r\n\r\n"), 502, "bad_gateway");
  }

  @Test
  void aTruncatedBodyIs502() throws Exception {
    assertFault(socket -> socket.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
        + "Content-Length: 100\r\n\r\n{\"client_id\":").onComplete(v -> socket.close()), 502, "bad_gateway");
  }

  @Test
  void anAnswerThatStopsAfterItsHeadersIs504() throws Exception {
    assertFault(socket -> socket.write("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n"), 504, "gateway_timeout");
  }

  @Test
  void anAnswerDrippedByteByByteIsCutAtTheRequestDeadline() throws Exception {
    Consumer<NetSocket> drip = socket -> {
      socket.write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n");
      // A byte every 100 ms: never idle long enough for the response timeout to fire.
      vertx.setPeriodic(100, id -> socket.write("{").onFailure(closed -> vertx.cancelTimer(id)));
    };
    try (RawUpstream upstream = RawUpstream.start(vertx, drip);
        RunningGateway gateway = RunningGateway.start(vertx, config(upstream.baseUrl()))) {
      long start = System.nanoTime();
      HttpResponse<Buffer> response = register(gateway);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(response.statusCode()).isEqualTo(504);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("gateway_timeout");
      assertThat(took).isBetween(REQUEST_TIMEOUT.minusMillis(100), REQUEST_TIMEOUT.plus(SLACK));
      assertThat(upstream.requests()).isEqualTo(1);
      // The dripping exchange is abandoned, not left holding a pooled connection.
      Eventually.until("the gateway closes the dripping connection", () -> upstream.closedConnections() == 1);
    }
  }

  @Test
  void invalidJsonOnA201Is502AndNotRelayed() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(vertx);
        RunningGateway gateway = RunningGateway.start(vertx, config(upstream.baseUrl()))) {
      upstream.respondWith(request -> request.response().setStatusCode(201)
          .putHeader("Content-Type", "application/json").end("{\"client_id\": \"c-1\", oops"));

      HttpResponse<Buffer> response = register(gateway);

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("bad_gateway");
      assertThat(response.bodyAsString()).doesNotContain("oops");
      assertThat(upstream.received()).hasSize(1);
    }
  }

  @Test
  void theGatewayServesAgainOnceTheIdentityServerIsBack() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (RunningGateway gateway = RunningGateway.start(vertx, config("http://127.0.0.1:" + port))) {
      HttpResponse<Buffer> down = register(gateway);
      assertThat(down.statusCode()).isEqualTo(502);
      assertThat(down.bodyAsJsonObject().getString("error")).isEqualTo("bad_gateway");

      HttpServer identityServer = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
          .requestHandler(request -> request.response().setStatusCode(201)
              .putHeader("Content-Type", "application/json").end("{\"client_id\":\"c-1\"}"));
      identityServer.listen().await(10, TimeUnit.SECONDS);
      try {
        HttpResponse<Buffer> back = register(gateway);

        assertThat(back.statusCode()).isEqualTo(201);
        assertThat(back.bodyAsJsonObject().getString("client_id")).isEqualTo("c-1");
      } finally {
        identityServer.close().await(10, TimeUnit.SECONDS);
      }
    }
  }

  private void assertFault(Consumer<NetSocket> behaviour, int status, String error) throws Exception {
    try (RawUpstream upstream = RawUpstream.start(vertx, behaviour);
        RunningGateway gateway = RunningGateway.start(vertx, config(upstream.baseUrl()))) {
      long start = System.nanoTime();
      HttpResponse<Buffer> response = register(gateway);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(response.statusCode()).isEqualTo(status);
      JsonObject body = response.bodyAsJsonObject();
      assertThat(body.getString("error")).isEqualTo(error);
      assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
      assertThat(took).isLessThan(REQUEST_TIMEOUT.plus(SLACK));
      // Sent once: a POST the identity server may have acted on is never sent again.
      assertThat(upstream.requests()).isEqualTo(1);
      JsonObject audited = gateway.audit().await(0);
      assertThat(audited.getString("outcome")).isEqualTo("upstream_error");
    }
  }

  private static GatewayConfig config(String upstreamBaseUrl) {
    GatewayConfig base = TestConfigs.forUpstream(upstreamBaseUrl);
    UpstreamConfig u = base.upstream();
    ListenerConfig l = base.listener();
    Limits limits = l.limits();
    GatewayConfig withUpstream = TestConfigs.withUpstream(base, new UpstreamConfig(URI.create(upstreamBaseUrl),
        u.registrationPath(), u.tls(), u.connectTimeout(), RESPONSE_TIMEOUT, u.poolSize(), u.identityServer(),
        u.passThrough()));
    return TestConfigs.withListener(withUpstream, new ListenerConfig(l.host(), l.port(), l.tls(), l.registrationPath(),
        l.maxBodyBytes(), l.idleTimeout(), new Limits(limits.maxHeaderBytes(), limits.maxInitialLineLength(),
            limits.maxConnections(), REQUEST_TIMEOUT, limits.rateLimit())));
  }

  private HttpResponse<Buffer> register(RunningGateway gateway) throws Exception {
    return TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A)
        .post(gateway.port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{}"))
        .await(30, TimeUnit.SECONDS);
  }

  /** Waits with a generous deadline: timing decides only how long, never the verdict. */
  private static final class Eventually {
    static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > end) {
          throw new AssertionError("not within 10 s: " + what);
        }
        Thread.sleep(10);
      }
    }
  }
}
