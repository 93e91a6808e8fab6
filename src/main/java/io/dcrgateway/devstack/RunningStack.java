package io.dcrgateway.devstack;

import io.dcrgateway.server.GatewayServer;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * What {@code dev-stack} has started so far, stopped in reverse order by {@link #close()}: from
 * the failure path on the main thread or from the Ctrl-C shutdown hook, whichever comes first.
 */
final class RunningStack implements AutoCloseable {

  /** An idle dev gateway has nothing in flight; a demo request still running gets this long. */
  private static final long DRAIN_MILLIS = 2_000;

  private KeycloakProcess keycloak;
  private Vertx vertx;
  private GatewayServer gateway;
  private boolean serving;
  private boolean closing;

  synchronized void started(Vertx vertx) {
    this.vertx = vertx;
  }

  synchronized void started(GatewayServer gateway) {
    this.gateway = gateway;
  }

  synchronized void started(KeycloakProcess keycloak) {
    this.keycloak = keycloak;
  }

  /** The demo went through: from now on Ctrl-C is the normal end. */
  synchronized void serving() {
    serving = true;
  }

  synchronized boolean isServing() {
    return serving && !closing;
  }

  /** A stop has begun: failures the main thread sees from now on are its consequence. */
  synchronized boolean isClosing() {
    return closing;
  }

  @Override
  public synchronized void close() {
    if (closing) {
      return;
    }
    closing = true;
    try {
      if (gateway != null) {
        gateway.stop(DRAIN_MILLIS).await(DRAIN_MILLIS + 5_000, TimeUnit.MILLISECONDS);
      }
    } catch (Exception e) {
      System.err.println("dev-stack: the gateway did not stop cleanly: " + e.getMessage());
    }
    try {
      if (vertx != null) {
        // separately: a future chained onto close() would complete on a closed event loop
        vertx.close().await(5, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      System.err.println("dev-stack: Vert.x did not close cleanly: " + e.getMessage());
    }
    if (keycloak != null) {
      keycloak.close();
    }
  }
}
