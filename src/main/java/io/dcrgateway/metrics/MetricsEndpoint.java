package io.dcrgateway.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /metrics} on the admin listener: Prometheus text format 0.0.4, or OpenMetrics when
 * the scraper's Accept header asks for it (Prometheus does by default).
 */
public final class MetricsEndpoint implements Handler<RoutingContext> {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final GatewayMetrics metrics;

  public MetricsEndpoint(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    String contentType = accept != null && accept.contains("application/openmetrics-text")
        ? OPEN_METRICS
        : PROMETHEUS_TEXT;
    ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "no-store")
        .end(metrics.scrape(contentType));
  }
}
