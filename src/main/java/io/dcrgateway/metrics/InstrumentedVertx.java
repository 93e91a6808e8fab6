package io.dcrgateway.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * A Vert.x instance whose HTTP server and client metrics (vertx_http_*) go into the gateway's
 * registry. Vert.x takes its metrics implementation when it is created, so this is where the
 * process makes its Vertx; tests create plain ones.
 */
public final class InstrumentedVertx {

  private InstrumentedVertx() {
  }

  public static Vertx create(GatewayMetrics metrics) {
    // Vert.x's default labels (method, status code, pool names) carry no path or client data;
    // local (the listener's address) tells the public listener's metrics from the admin one's.
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true).addLabels(Label.LOCAL);
    return Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .build();
  }
}
