package io.dcrgateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: the public port is served on as many event loops as there are servers, so handshakes
 * and signature checks use every core; connections are spread over them round-robin.
 */
class PublicListenerTest {

  private final Vertx vertx = TestVertx.create();

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(20, TimeUnit.SECONDS);
  }

  @Test
  void connectionsAreServedOnOneEventLoopPerServer() throws Exception {
    PublicListener listener = PublicListener.listen(vertx, new HttpServerOptions().setHost("127.0.0.1").setPort(0), 2,
        server -> server.requestHandler(request -> request.response().end(Thread.currentThread().getName())))
        .await(20, TimeUnit.SECONDS);
    var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));

    Set<String> threads = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      threads.add(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
              .setPort(listener.port()).setURI("/"))
          .compose(request -> request.send().compose(response -> response.body()))
          .await(20, TimeUnit.SECONDS).toString());
    }

    assertThat(listener.instances()).isEqualTo(2);
    assertThat(threads).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread-"));
  }

  @Test
  void shutdownReleasesThePort() throws Exception {
    PublicListener listener = PublicListener.listen(vertx, new HttpServerOptions().setHost("127.0.0.1").setPort(0), 2,
        server -> server.requestHandler(request -> request.response().end())).await(20, TimeUnit.SECONDS);
    int port = listener.port();

    listener.shutdown(1000).await(20, TimeUnit.SECONDS);

    // The shared socket is closed once its last server is: allow the event loops a moment.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    boolean bound = bindable(port);
    while (!bound && System.nanoTime() < deadline) {
      Thread.sleep(20);
      bound = bindable(port);
    }
    assertThat(bound).as("port %d free again", port).isTrue();
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (java.io.IOException inUse) {
      return false;
    }
  }
}
