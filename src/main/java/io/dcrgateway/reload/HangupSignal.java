package io.dcrgateway.reload;

import java.util.logging.Logger;

/**
 * SIGHUP asks for a reload, as it does of nginx and HAProxy. Without this handler the JVM treats
 * SIGHUP as a request to exit, so it also keeps an operator's habit from stopping the gateway.
 * {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to catch a signal; it is
 * present on every JDK the gateway supports.
 */
public final class HangupSignal {

  private static final Logger LOG = Logger.getLogger(HangupSignal.class.getName());

  private HangupSignal() {
  }

  /** @return false where the platform has no SIGHUP (Windows) or the JVM reserves it ({@code -Xrs}) */
  @SuppressWarnings("restriction")
  public static boolean install(Runnable onHangup) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> onHangup.run());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warning("SIGHUP cannot be handled here (" + e.getMessage() + "); reload by changing a watched file");
      return false;
    }
  }
}
