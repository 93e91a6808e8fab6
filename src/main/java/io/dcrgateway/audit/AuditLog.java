package io.dcrgateway.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes each {@link AuditEvent} as one JSON line. Goes to the {@code io.dcrgateway.audit} logger
 * by default so operators route it like any log; tests and later sinks plug in a consumer. The
 * record is built on the caller's thread (the event loop) and handed over; the sinks the
 * gateway uses encode and write it on threads of their own ({@link AuditLogger}, {@link AuditFile}).
 */
public final class AuditLog implements AutoCloseable {

  private final Consumer<JsonObject> sink;
  private final AuditHealth health;
  private final AutoCloseable flush;

  public AuditLog(Consumer<JsonObject> sink) {
    this(sink, AuditHealth.ALWAYS);
  }

  /** @param health whether {@code sink} can take records now (the pipeline refuses requests while not) */
  public AuditLog(Consumer<JsonObject> sink, AuditHealth health) {
    this(sink, health, () -> { });
  }

  private AuditLog(Consumer<JsonObject> sink, AuditHealth health, AutoCloseable flush) {
    this.sink = sink;
    this.health = health;
    this.flush = flush;
  }

  public static AuditLog toLogger() {
    AuditLogger logger = new AuditLogger();
    return new AuditLog(logger, AuditHealth.ALWAYS, logger);
  }

  /** The logger, and a second sink (the hash-chained file) for every record. */
  public static AuditLog toLoggerAnd(Consumer<JsonObject> also) {
    AuditLogger logger = new AuditLogger();
    return new AuditLog(json -> {
      logger.accept(json);
      also.accept(json);
    }, AuditHealth.ALWAYS, logger);
  }

  /** The logger and the hash-chained file; the trail is healthy while the file can be written. */
  public static AuditLog toLoggerAnd(AuditFile file) {
    AuditLogger logger = new AuditLogger();
    return new AuditLog(json -> {
      logger.accept(json);
      file.accept(json);
    }, file, logger);
  }

  public AuditHealth health() {
    return health;
  }

  /**
   * Writes the records still queued for the logger (at shutdown, after the last request). An
   * {@link AuditFile} is closed by its owner.
   */
  @Override
  public void close() throws Exception {
    flush.close();
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
      json.put("reported", new JsonArray(event.reported()));
    }
    event.certificate().ifPresent(c -> json.put("certificate", certificate(c)));
    event.token().ifPresent(t -> {
      JsonObject token = new JsonObject().put("route", t.route());
      t.clientId().ifPresent(v -> token.put("client_id", v));
      t.subject().ifPresent(v -> token.put("sub", v));
      t.jti().ifPresent(v -> token.put("jti", v));
      t.template().ifPresent(v -> token.put("template", v));
      json.put("initial_access_token", token);
    });
    sink.accept(json);
  }

  private static JsonObject certificate(AuditEvent.CertificateFacts c) {
    JsonObject certificate = new JsonObject()
        .put("subject", c.subject())
        .put("issuer", c.issuer())
        .put("serial", c.serialHex())
        .put("sha256", c.sha256())
        .put("trust_domain", c.trustDomain());
    // Issue 5: a soft-fail pass (unknown-allowed) is audited with the certificate it let through.
    c.revocation().ifPresent(r -> certificate.put("revocation",
        new JsonObject().put("verdict", r.verdict()).put("detail", r.detail())));
    return certificate;
  }

  /**
   * A decision that is not about a request: the config was reloaded, or a new one refused. An
   * auditor sees when the rules and trust in force changed, and which attempts did not take.
   */
  public void reload(Instant time, String trigger, boolean applied, List<String> problems,
      List<String> restartRequired, long durationMicros) {
    JsonObject json = new JsonObject()
        .put("time", time.toString())
        .put("event", "reload")
        .put("trigger", trigger)
        .put("outcome", applied ? "applied" : "refused")
        .put("duration_us", durationMicros);
    if (!problems.isEmpty()) {
      json.put("problems", new JsonArray(problems));
    }
    if (!restartRequired.isEmpty()) {
      json.put("restart_required", new JsonArray(restartRequired));
    }
    sink.accept(json);
  }
}
