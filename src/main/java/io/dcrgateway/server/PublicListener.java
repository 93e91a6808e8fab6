package io.dcrgateway.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The public mTLS port, served by one HTTP server per core, each on an event loop of its own:
 * Vert.x hands the accepted connections round-robin to the servers sharing the port, so TLS
 * handshakes and signature checks use every core instead of one. Each server is deployed on its
 * own context (a Deployable), which is what gives it its own event loop.
 */
final class PublicListener {

  private final Vertx vertx;
  private final List<HttpServer> servers;
  private final List<String> deployments;

  private PublicListener(Vertx vertx, List<HttpServer> servers, List<String> deployments) {
    this.vertx = vertx;
    this.servers = List.copyOf(servers);
    this.deployments = List.copyOf(deployments);
  }

  /**
   * @param setUp gives each server its handlers before it listens
   * @return once every server listens on the port (port 0: a free one), shared by all
   */
  static Future<PublicListener> listen(Vertx vertx, HttpServerOptions options, int instances,
      Consumer<HttpServer> setUp) {
    List<HttpServer> servers = new ArrayList<>();
    List<String> deployments = new ArrayList<>();
    HttpServerOptions shared;
    try {
      shared = withConcretePort(options);
    } catch (IOException e) {
      return Future.failedFuture(e);
    }
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < instances; i++) {
      chain = chain.compose(v -> deploy(vertx, shared, setUp, servers, deployments));
    }
    return chain
        .map(v -> new PublicListener(vertx, servers, deployments))
        .recover(e -> new PublicListener(vertx, servers, deployments).close().transform(v -> Future.failedFuture(e)));
  }

  /**
   * Vert.x shares a port among servers that ask for the same one; servers asking for port 0 would
   * each get another. So port 0 (tests only: the config requires a real port) becomes a free port
   * first.
   */
  private static HttpServerOptions withConcretePort(HttpServerOptions options) throws IOException {
    if (options.getPort() != 0) {
      return options;
    }
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(options.getHost()))) {
      return new HttpServerOptions(options).setPort(probe.getLocalPort());
    }
  }

  private static Future<Void> deploy(Vertx vertx, HttpServerOptions options, Consumer<HttpServer> setUp,
      List<HttpServer> servers, List<String> deployments) {
    return vertx.deployVerticle(context -> {
      HttpServer server = vertx.createHttpServer(options);
      setUp.accept(server);
      synchronized (servers) {
        servers.add(server);
      }
      return server.listen();
    }).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  int port() {
    return servers.get(0).actualPort();
  }

  int instances() {
    return servers.size();
  }

  /** New TLS connections on every server get {@code options}; open ones keep theirs. */
  Future<Void> updateSSLOptions(ServerSSLOptions options) {
    return Future.all(servers.stream().map(server -> server.updateSSLOptions(options, true)).toList()).mapEmpty();
  }

  /** Stops accepting, lets requests in flight finish within {@code millis}, then releases the port. */
  Future<Void> shutdown(long millis) {
    return Future.join(servers.stream().map(server -> server.shutdown(millis, TimeUnit.MILLISECONDS)).toList())
        .transform(v -> close());
  }

  Future<Void> close() {
    return Future.join(deployments.stream().map(vertx::undeploy).toList())
        .transform(v -> Future.join(servers.stream().map(HttpServer::close).toList()))
        .mapEmpty();
  }
}
