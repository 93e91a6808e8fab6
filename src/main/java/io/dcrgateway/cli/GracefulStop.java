package io.dcrgateway.cli;

import io.dcrgateway.audit.AuditFile;
import io.dcrgateway.audit.AuditLog;
import io.dcrgateway.reload.HotReload;
import io.dcrgateway.server.GatewayServer;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What SIGTERM does to a running gateway: stop reloading, drain the listener, close Vert.x, then
 * write out and close the audit trail, and exit 0 (orchestrators' way to ask for a stop; a clean
 * drain is success, not the JVM's 143). Registered before the listener starts, so a signal that
 * arrives as the gateway announces itself, or while it is still starting, gets the same stop
 * (it once came between the announcement and the hook: a stack trace, exit 143, queued audit
 * records lost).
 */
final class GracefulStop {

  private final Vertx vertx;
  private final AuditLog audit;
  private final Optional<AuditFile> auditFile;
  private final long drainMillis;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread hook;

  /** Guarded by this: what the stop finds, and whether it began. */
  private GatewayServer server;
  private HotReload hotReload;
  private boolean stopping;

  GracefulStop(Vertx vertx, AuditLog audit, Optional<AuditFile> auditFile, long drainMillis) {
    this.vertx = vertx;
    this.audit = audit;
    this.auditFile = auditFile;
    this.drainMillis = drainMillis;
    this.hook = new Thread(this::stop, "dcr-gateway-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The server is up: {@code announce} runs (the listening line, hot reload) with the server
   * known to the stop, unless a stop began meanwhile; then the stop closes it with Vert.x.
   */
  synchronized void serving(GatewayServer started, Supplier<HotReload> announce) {
    if (!stopping) {
      server = started;
      hotReload = announce.get();
    }
  }

  /**
   * The start failed: the hook is withdrawn, so that the caller's exit status and clean-up stand.
   *
   * @return false when a stop is already under way (the start failed because of it): wait for it
   */
  boolean withdraw() {
    try {
      return Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      return false;
    }
  }

  /** Until the stop halts the process. */
  void await() throws InterruptedException {
    stopped.await();
  }

  private void stop() {
    GatewayServer draining;
    HotReload reloading;
    synchronized (this) {
      stopping = true;
      draining = server;
      reloading = hotReload;
    }
    int status = 0;
    try {
      if (reloading != null) {
        reloading.stop();
      }
      if (draining != null) {
        draining.stop(drainMillis).await(drainMillis + 5_000, TimeUnit.MILLISECONDS);
      }
      // Separately: a future chained onto close() would complete on a closed event loop.
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      System.err.println("dcr-gateway: shutdown did not finish in time");
      status = 1;
    } finally {
      // After the drain: the last requests' records are written before the file is closed.
      closeQuietly(audit);
      auditFile.ifPresent(GracefulStop::closeQuietly);
      stopped.countDown();
    }
    Runtime.getRuntime().halt(status);
  }

  static void closeQuietly(AuditLog audit) {
    try {
      audit.close();
    } catch (Exception e) {
      System.err.println("dcr-gateway: the audit log could not be flushed: " + e);
    }
  }

  static void closeQuietly(AuditFile file) {
    try {
      file.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
