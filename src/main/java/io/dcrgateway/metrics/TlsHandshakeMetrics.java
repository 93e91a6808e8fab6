package io.dcrgateway.metrics;

import io.dcrgateway.tls.HandshakeFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code dcr_gateway_tls_handshakes_total{result="ok"|"failed"}} and
 * {@code dcr_gateway_tls_handshake_failures_total{reason}} for the public listener. Vert.x calls
 * the server's connection handler once a TLS handshake completed and its exception handler for
 * what fails before that, the handshake included; a refused handshake never reaches the audit
 * trail, so this is where an operator sees old clients, scanners and missing certificates.
 */
public final class TlsHandshakeMetrics {

  private final Counter ok;
  private final Counter failed;
  private final Map<HandshakeFailure, Counter> failures = new EnumMap<>(HandshakeFailure.class);

  TlsHandshakeMetrics(MeterRegistry registry) {
    this.ok = handshakes(registry, "ok");
    this.failed = handshakes(registry, "failed");
    // Every reason at zero from the start, so rate() and alerts have a series before the first failure.
    for (HandshakeFailure reason : HandshakeFailure.values()) {
      failures.put(reason, Counter.builder("dcr_gateway_tls_handshake_failures")
          .description("TLS handshakes on the public listener that failed, by reason")
          .tag("reason", reason.label())
          .register(registry));
    }
  }

  /** Sets the server's connection and exception handlers: call before it listens, once. */
  public void attach(HttpServer server) {
    attach(server, connection -> { });
  }

  /** @param then also told of each connection (the server has one connection handler) */
  public void attach(HttpServer server, Handler<HttpConnection> then) {
    server.connectionHandler(connection -> {
      ok.increment();
      then.handle(connection);
    });
    server.exceptionHandler(this::failed);
  }

  void failed(Throwable failure) {
    failed.increment();
    failures.get(HandshakeFailure.of(failure)).increment();
  }

  private static Counter handshakes(MeterRegistry registry, String result) {
    return Counter.builder("dcr_gateway_tls_handshakes")
        .description("TLS handshakes on the public listener by result")
        .tag("result", result)
        .register(registry);
  }
}
