package io.dcrgateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An identity server that misbehaves below HTTP: a TCP server on 127.0.0.1 that counts the
 * requests it receives (request lines) and the connections closed, and answers each request
 * with whatever bytes, resets or silences the test gives it.
 */
final class RawUpstream implements AutoCloseable {

  private final NetServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();

  private RawUpstream(NetServer server) {
    this.server = server;
  }

  /** @param onRequest told once per connection, when its first request bytes arrive */
  static RawUpstream start(Vertx vertx, Consumer<NetSocket> onRequest) throws Exception {
    // SO_LINGER 0: close() sends a TCP reset, not an orderly FIN.
    NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setPort(0).setSoLinger(0));
    RawUpstream upstream = new RawUpstream(server);
    server.connectHandler(socket -> {
      socket.closeHandler(v -> upstream.closed.incrementAndGet());
      Buffer seen = Buffer.buffer();
      socket.handler(data -> {
        boolean first = seen.length() == 0;
        seen.appendBuffer(data);
        if (first) {
          upstream.requests.incrementAndGet();
          onRequest.accept(socket);
        }
      });
    });
    server.listen().await(10, TimeUnit.SECONDS);
    return upstream;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  int requests() {
    return requests.get();
  }

  int closedConnections() {
    return closed.get();
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
