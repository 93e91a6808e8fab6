package io.dcrgateway.metrics;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The process's Vert.x: its metrics (worker pools; its HTTP server and client meters,
 * {@code vertx_http_*}, only when {@code admin.vertx-http-metrics} asks) go into the gateway's
 * registry, and its event loops use the configured socket transport. Vert.x takes both when it
 * is created, so this is where the process makes its Vertx; tests create plain ones.
 */
public final class InstrumentedVertx {

  private InstrumentedVertx() {
  }

  /**
   * @param httpMetrics Vert.x's HTTP server and client meters: a meter id built and looked up
   *     four to six times per forwarded request (4.7 % of a keep-alive registration's
   *     CPU, profiled), counting what {@code dcr_gateway_requests_total} and the upstream series
   *     already count
   */
  public static Vertx create(GatewayMetrics metrics, Transport transport, boolean httpMetrics) {
    // Vert.x's default labels (method, status code, pool names) carry no path or client data;
    // local (the listener's address) tells the public listener's metrics from the admin one's.
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true).addLabels(Label.LOCAL);
    if (!httpMetrics) {
      options.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER).addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT);
    }
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
