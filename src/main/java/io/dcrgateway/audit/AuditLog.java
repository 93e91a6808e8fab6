package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes each {@link AuditEvent} as one JSON line. Goes to the {@code io.dcrgateway.audit} logger
 * by default so operators route it like any log; tests and later sinks plug in a consumer.
 */
public final class AuditLog {

  private static final Logger LOG = Logger.getLogger("io.dcrgateway.audit");

  private final Consumer<JsonObject> sink;

  public AuditLog(Consumer<JsonObject> sink) {
    this.sink = sink;
  }

  public static AuditLog toLogger() {
    return new AuditLog(AuditLog::log);
  }

  /** The logger, and a second sink (the hash-chained file) for every record. */
  public static AuditLog toLoggerAnd(Consumer<JsonObject> also) {
    return new AuditLog(json -> {
      log(json);
      also.accept(json);
    });
  }

  private static void log(JsonObject json) {
    LOG.log(Level.INFO, json.encode());
  }

  public void record(AuditEvent event) {
    JsonObject json = new JsonObject()
        .put("time", event.time().toString())
        .put("request_id", event.requestId())
        .put("remote_address", event.remoteAddress())
        .put("method", event.method())
        .put("path", event.path())
        .put("outcome", event.outcome())
        .put("status", event.status())
        .put("duration_us", event.durationMicros());
    event.interactionId().ifPresent(v -> json.put("interaction_id", v));
    event.error().ifPresent(v -> json.put("error", v));
    event.reason().ifPresent(v -> json.put("reason", v));
    event.upstreamStatus().ifPresent(v -> json.put("upstream_status", v));
    event.registration().ifPresent(r -> {
      JsonObject registration = new JsonObject().put("profile", r.profile());
      r.softwareId().ifPresent(v -> registration.put("software_id", v));
      r.orgId().ifPresent(v -> registration.put("org_id", v));
      r.statementJti().ifPresent(v -> registration.put("statement_jti", v));
      r.clientId().ifPresent(v -> registration.put("client_id", v));
      json.put("registration", registration);
    });
    if (!event.reported().isEmpty()) {
      json.put("reported", new io.vertx.core.json.JsonArray(event.reported()));
    }
    event.certificate().ifPresent(c -> json.put("certificate", new JsonObject()
        .put("subject", c.subject())
        .put("issuer", c.issuer())
        .put("serial", c.serialHex())
        .put("sha256", c.sha256())
        .put("trust_domain", c.trustDomain())));
    sink.accept(json);
  }
}
