package io.dcrgateway.testkit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real HTTP server standing in for the identity server where a test is about what the gateway
 * forwards: it records every request it receives and answers with what the test tells it.
 */
public final class RecordingUpstream implements AutoCloseable {

  /** One request as the upstream saw it. */
  public record Received(String method, String uri, MultiMap headers, Buffer body) {
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Consumer<HttpServerRequest> responder = RecordingUpstream::created;

  private RecordingUpstream(HttpServer server) {
    this.server = server;
  }

  public static RecordingUpstream start(Vertx vertx) throws Exception {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    RecordingUpstream upstream = new RecordingUpstream(server);
    server.requestHandler(request -> request.body().onSuccess(body -> {
      upstream.received.add(new Received(request.method().name(), request.uri(),
          MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body));
      upstream.responder.accept(request);
    }));
    server.listen().await(10, TimeUnit.SECONDS);
    return upstream;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received only() {
    if (received.size() != 1) {
      throw new AssertionError("expected exactly one forwarded request, got " + received.size());
    }
    return received.get(0);
  }

  /** Replaces how the upstream answers; requests are recorded before the responder runs. */
  public void respondWith(Consumer<HttpServerRequest> responder) {
    this.responder = responder;
  }

  public void clear() {
    received.clear();
  }

  private static void created(HttpServerRequest request) {
    request.response().setStatusCode(201)
        .putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"c-1\"}");
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
