package io.dcrgateway.admin;

import java.util.concurrent.atomic.AtomicBoolean;

/** Ready once config, trust material and the public listener are up; not ready while draining. */
public final class Readiness {

  private final AtomicBoolean ready = new AtomicBoolean();

  public boolean isReady() {
    return ready.get();
  }

  public void ready() {
    ready.set(true);
  }

  public void notReady() {
    ready.set(false);
  }
}
