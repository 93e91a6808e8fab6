package io.dcrgateway.testkit;

import io.dcrgateway.audit.AuditLog;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An audit sink that keeps the events, so tests can assert every decision was recorded. */
public final class RecordedAudit {

  private final List<JsonObject> events = new CopyOnWriteArrayList<>();

  public AuditLog log() {
    return new AuditLog(events::add);
  }

  public List<JsonObject> events() {
    return List.copyOf(events);
  }
}
