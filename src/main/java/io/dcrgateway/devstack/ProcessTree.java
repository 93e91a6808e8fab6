package io.dcrgateway.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a child process with everything it started: kc.sh runs Keycloak's JVM as its child (and,
 * after a first-start re-augmentation, a second one), so stopping kc.sh alone could leave a 500 MB
 * JVM holding the port.
 */
public final class ProcessTree {

  private ProcessTree() {
  }

  /** SIGTERM to the whole tree, SIGKILL to whatever is still alive after {@code grace}. */
  public static void stop(Process process, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.toHandle().descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(grace);
    for (ProcessHandle handle : tree) {
      if (!awaitExit(handle, Duration.between(Instant.now(), deadline))) {
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
      }
    }
    tree.forEach(handle -> awaitExit(handle, Duration.ofSeconds(5)));
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    if (!handle.isAlive()) {
      return true;
    }
    try {
      handle.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    }
  }
}
