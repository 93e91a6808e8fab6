package io.dcrgateway.keys;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A JWKS publisher on 127.0.0.1 whose answer each test changes at will, counting every request. */
final class JwksServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicReference<Handler<HttpServerRequest>> responder = new AtomicReference<>();
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  private final List<String> acceptHeaders = new CopyOnWriteArrayList<>();
  private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
  private volatile boolean holding;

  private JwksServer(Vertx vertx) throws Exception {
    server = vertx.createHttpServer()
        .requestHandler(request -> {
          requestsByPath.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
          acceptHeaders.add(String.valueOf(request.getHeader("Accept")));
          if (holding) {
            held.add(request);
          } else {
            responder.get().handle(request);
          }
        })
        .listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
  }

  static JwksServer start(Vertx vertx) throws Exception {
    return new JwksServer(vertx);
  }

  URI url() {
    return url("/jwks");
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + path);
  }

  /** Serves {@code keys} as published, private parts included if the set has them. */
  JwksServer serve(JWKSet keys) {
    return serve(200, keys.toString(false));
  }

  JwksServer serve(int status, String body) {
    return respondWith(request -> request.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json").end(body));
  }

  JwksServer respondWith(Handler<HttpServerRequest> handler) {
    responder.set(handler);
    return this;
  }

  /** Requests wait unanswered until {@link #release()}: lets a test line up concurrent callers. */
  void hold() {
    holding = true;
  }

  void release() {
    holding = false;
    for (HttpServerRequest request : held) {
      responder.get().handle(request);
    }
    held.clear();
  }

  int requests() {
    return requestsByPath.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int requests(String path) {
    AtomicInteger count = requestsByPath.get(path);
    return count == null ? 0 : count.get();
  }

  int heldRequests() {
    return held.size();
  }

  List<String> acceptHeaders() {
    return acceptHeaders;
  }

  @Override
  public void close() {
    try {
      server.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("JWKS test server did not close", e);
    }
  }
}
