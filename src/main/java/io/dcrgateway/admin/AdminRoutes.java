package io.dcrgateway.admin;

import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.metrics.MetricsEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operators' endpoints. Liveness says the process serves HTTP at all; readiness says it
 * should receive registrations (a load balancer or Kubernetes routes on it); {@code /metrics} is
 * for Prometheus.
 */
public final class AdminRoutes {

  private AdminRoutes() {
  }

  public static Router router(Vertx vertx, Readiness readiness, GatewayMetrics metrics) {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(new MetricsEndpoint(metrics));
    router.get("/health/live").handler(ctx -> answer(ctx, 200, "UP"));
    router.get("/health/ready").handler(ctx ->
        answer(ctx, readiness.isReady() ? 200 : 503, readiness.isReady() ? "UP" : "DOWN"));
    router.errorHandler(404, ctx -> answer(ctx, 404, "NOT_FOUND"));
    return router;
  }

  private static void answer(RoutingContext ctx, int status, String state) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("status", state).encode());
  }
}
