package io.dcrgateway.metrics;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The process's Vert.x: its HTTP server and client metrics (vertx_http_*) go into the gateway's
 * registry, and its event loops use the configured socket transport. Vert.x takes both when it
 * is created, so this is where the process makes its Vertx; tests create plain ones.
 */
public final class InstrumentedVertx {

  private InstrumentedVertx() {
  }

  public static Vertx create(GatewayMetrics metrics, Transport transport) {
    // Vert.x's default labels (method, status code, pool names) carry no path or client data;
    // local (the listener's address) tells the public listener's metrics from the admin one's.
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true).addLabels(Label.LOCAL);
    // Native: epoll where netty-transport-native-epoll loads; Vert.x falls back to NIO elsewhere.
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options).setPreferNativeTransport(transport == Transport.NATIVE))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .build();
  }

  /** What the event loops run on, for the start-up line. */
  public static String transportOf(Vertx vertx, Transport configured) {
    if (vertx.isNativeTransportEnabled()) {
      return "native (epoll)";
    }
    Throwable cause = vertx.unavailableNativeTransportCause();
    return configured == Transport.NIO || cause == null ? "nio"
        : "nio (the native transport does not load here: " + cause.getMessage() + ")";
  }
}
