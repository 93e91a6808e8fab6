package io.dcrgateway.server;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code listener.max-connections}: a connection beyond the limit is closed as soon as it is
 * accepted, so a flood of idle connections cannot take every socket and file descriptor the
 * gateway has. (Vert.x tells of a connection once its TLS handshake completed; the handshake
 * itself is bounded by {@code listener.tls.handshake-timeout}.)
 */
final class ConnectionLimit implements Handler<HttpConnection> {

  private final int max;
  private final Runnable refused;
  private final AtomicInteger open = new AtomicInteger();

  /** @param refused told of each connection closed for being over the limit (metrics) */
  ConnectionLimit(int max, Runnable refused) {
    this.max = max;
    this.refused = refused;
  }

  @Override
  public void handle(HttpConnection connection) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      refused.run();
      connection.close();
      return;
    }
    connection.closeHandler(v -> open.decrementAndGet());
  }

  int open() {
    return open.get();
  }
}
