package io.dcrgateway.admin;

import io.dcrgateway.metrics.GatewayMetrics;
import io.dcrgateway.metrics.MetricsEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

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
    router.get("/health/ready").handler(ctx -> ready(ctx, readiness));
    router.errorHandler(404, ctx -> answer(ctx, 404, "NOT_FOUND"));
    return router;
  }

  /** DOWN names each problem, so the probe's answer says what to fix. */
  private static void ready(RoutingContext ctx, Readiness readiness) {
    Map<String, String> problems = readiness.problems();
    boolean ready = readiness.isReady();
    JsonObject body = new JsonObject().put("status", ready ? "UP" : "DOWN");
    if (!problems.isEmpty()) {
      body.put("problems", new JsonObject(new java.util.LinkedHashMap<String, Object>(problems)));
    }
    answer(ctx, ready ? 200 : 503, body);
  }

  private static void answer(RoutingContext ctx, int status, String state) {
    answer(ctx, status, new JsonObject().put("status", state));
  }

  private static void answer(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
