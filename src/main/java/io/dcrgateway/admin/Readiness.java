package io.dcrgateway.admin;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ready once config, trust material and the public listener are up, and while what requests
 * depend on can be reached (the shared state store); not ready while draining.
 */
public final class Readiness {

  private final AtomicBoolean ready = new AtomicBoolean();
  private final BooleanSupplier dependencies;

  public Readiness() {
    this(() -> true);
  }

  public Readiness(BooleanSupplier dependencies) {
    this.dependencies = dependencies;
  }

  public boolean isReady() {
    return ready.get() && dependencies.getAsBoolean();
  }

  public void ready() {
    ready.set(true);
  }

  public void notReady() {
    ready.set(false);
  }
}
