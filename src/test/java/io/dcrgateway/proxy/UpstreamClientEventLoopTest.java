package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.request.RegistrationRequest;
import io.dcrgateway.request.RequestContext;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request forwarded from one event loop goes out on a connection of that loop: Vert.x hands a
 * pooled connection to whichever loop asks, and a request on another loop's connection is handed
 * over to that loop and its answer handed back.
 */
class UpstreamClientEventLoopTest {

  private Vertx vertx;
  private RecordingUpstream upstream;
  private UpstreamClient client;
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = TestVertx.create();
    upstream = RecordingUpstream.start(vertx);
    upstream.respondWith(request -> {
      clientPorts.add(request.remoteAddress().port());
      request.response().setStatusCode(200).end("{}");
    });
    GatewayConfig config = TestConfigs.forUpstream(upstream.baseUrl());
    client = new UpstreamClient(vertx, config.upstream(), new UpstreamHeaders(config.forwarding()), 2);
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    upstream.close();
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void eachEventLoopForwardsOnConnectionsOfItsOwn() throws Exception {
    // Each new event loop context takes the next loop of the pool.
    Context first = ((VertxInternal) vertx).createEventLoopContext();
    Context second = ((VertxInternal) vertx).createEventLoopContext();
    assertThat(threadOf(second)).isNotSameAs(threadOf(first));

    for (Context context : List.of(first, second, first, second)) {
      forwardOn(context);
    }

    assertThat(clientPorts).hasSize(4);
    assertThat(clientPorts.get(2)).isEqualTo(clientPorts.get(0));
    assertThat(clientPorts.get(3)).isEqualTo(clientPorts.get(1));
    assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
  }

  private void forwardOn(Context context) throws Exception {
    Promise<UpstreamResponse> answered = Promise.promise();
    context.runOnContext(v -> client.forward(new RegistrationRequest(HttpMethod.POST, Optional.empty(),
            MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("{}"),
            new RequestContext("r", Optional.empty(), "127.0.0.1", "localhost")),
        Optional.empty(), Buffer.buffer("{}"), Optional.of("application/json"), Duration.ofSeconds(10))
        .onComplete(answered));
    Future<UpstreamResponse> answer = answered.future();
    assertThat(answer.await(10, TimeUnit.SECONDS).status()).isEqualTo(200);
  }

  private static Thread threadOf(Context context) throws Exception {
    CompletableFuture<Thread> thread = new CompletableFuture<>();
    context.runOnContext(v -> thread.complete(Thread.currentThread()));
    return thread.get(10, TimeUnit.SECONDS);
  }
}
