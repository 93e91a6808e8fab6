package io.dcrgateway.hostile;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A loopback URL an attacker names in a token: the gateway must never fetch it. */
final class TrapServer implements AutoCloseable {

  private final HttpServer server;
  private final List<String> fetched = new CopyOnWriteArrayList<>();

  private TrapServer(HttpServer server) {
    this.server = server;
  }

  static TrapServer start(Vertx vertx) throws Exception {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    TrapServer trap = new TrapServer(server);
    server.requestHandler(request -> {
      trap.fetched.add(request.uri());
      request.response().setStatusCode(404).end();
    });
    server.listen().await(10, TimeUnit.SECONDS);
    return trap;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  List<String> fetched() {
    return List.copyOf(fetched);
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
