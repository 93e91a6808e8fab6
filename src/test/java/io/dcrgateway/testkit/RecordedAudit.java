package io.dcrgateway.testkit;

import io.dcrgateway.audit.AuditFile;
import io.dcrgateway.audit.AuditLog;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An audit sink that keeps the events, so tests can assert every decision was recorded. */
public final class RecordedAudit {

  private static final long AWAIT_SECONDS = 20;

  private final List<JsonObject> events = new ArrayList<>();

  public AuditLog log() {
    return new AuditLog(this::add);
  }

  /** Records and also appends to {@code file}, whose health is the trail's (as with audit.file). */
  public AuditLog logAnd(AuditFile file) {
    return new AuditLog(json -> {
      add(json);
      file.accept(json);
    }, file);
  }

  public synchronized List<JsonObject> events() {
    return List.copyOf(events);
  }

  /**
   * The {@code n}-th event (0-based), waiting for it: the gateway writes a request's record when
   * the response has ended on its event loop, which may be just after the client read the response.
   */
  public synchronized JsonObject await(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
    while (events.size() <= n) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no audit event #" + n + " within " + AWAIT_SECONDS + " s; have " + events);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return events.get(n);
  }

  /**
   * The first event that satisfies {@code wanted}, waiting for it: with a server per core, the
   * record of a request may be written on another event loop just after its response was read.
   */
  public synchronized JsonObject awaitMatching(java.util.function.Predicate<JsonObject> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
    while (true) {
      for (JsonObject event : events) {
        if (wanted.test(event)) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching audit event within " + AWAIT_SECONDS + " s; have " + events);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private synchronized void add(JsonObject event) {
    events.add(event);
    notifyAll();
  }
}
