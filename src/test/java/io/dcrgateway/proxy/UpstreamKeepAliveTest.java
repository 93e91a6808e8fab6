package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * upstream.keep-alive-timeout: the gateway ends a pooled connection that sat idle that long, so
 * that an identity server with a longer idle timeout never closes one under a registration
 * being sent (a 502 for the TPP: a POST is not retried).
 */
class UpstreamKeepAliveTest {

  private Vertx vertx;
  private RecordingUpstream upstream;
  private UpstreamClient client;
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> firstClosed = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    upstream = RecordingUpstream.start(vertx);
    upstream.respondWith(request -> {
      int port = request.remoteAddress().port();
      if (clientPorts.isEmpty()) {
        request.connection().closeHandler(v -> firstClosed.complete(port));
      }
      clientPorts.add(port);
      request.response().setStatusCode(201).end("{}");
    });
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    upstream.close();
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  private void clientWithKeepAlive(Duration keepAlive) {
    GatewayConfig config = TestConfigs.forUpstream(upstream.baseUrl());
    UpstreamConfig u = config.upstream();
    client = new UpstreamClient(vertx, new UpstreamConfig(u.baseUrl(), u.registrationPath(), u.tls(),
        u.connectTimeout(), u.responseTimeout(), u.poolSize(), keepAlive, u.identityServer(), u.passThrough()),
        new UpstreamHeaders(config.forwarding()));
  }

  @Test
  void aConnectionIdleForTheKeepAliveTimeoutIsClosedByTheGatewayAndTheNextRequestOpensAnother() throws Exception {
    clientWithKeepAlive(Duration.ofSeconds(1));

    forward();
    // The recording upstream has no idle timeout of its own: only the gateway can end it.
    int closed = firstClosed.get(15, TimeUnit.SECONDS);
    forward();

    assertThat(closed).isEqualTo(clientPorts.get(0));
    assertThat(clientPorts).hasSize(2);
    assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
  }

  @Test
  void withALongerKeepAliveTimeoutTheConnectionOutlivesTheShortOnesClosingTime() throws Exception {
    clientWithKeepAlive(Duration.ofSeconds(60));

    forward();

    // A 1 s timeout closed its connection within about 1.5 s (the pool checks once a second).
    assertThatThrownBy(() -> firstClosed.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
  }

  private void forward() throws Exception {
    UpstreamResponse answer = client.forward(new RegistrationRequest(HttpMethod.POST, Optional.empty(),
            MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"),
            new RequestContext("r", Optional.empty(), "127.0.0.1", "localhost")),
        Optional.empty(), Buffer.buffer("{}"), Optional.of("application/json"), Duration.ofSeconds(10))
        .await(10, TimeUnit.SECONDS);
    assertThat(answer.status()).isEqualTo(201);
  }
}
