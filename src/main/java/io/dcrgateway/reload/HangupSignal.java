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

  /**
   * @return false where the platform has no SIGHUP (Windows), the JVM reserves it ({@code -Xrs}),
   *     or the process was started with SIGHUP ignored ({@code nohup}, some init scripts): the JVM
   *     then keeps it ignored and says so only by answering that the old handler was SIG_IGN
   */
  @SuppressWarnings("restriction")
  public static boolean install(Runnable onHangup) {
    try {
      sun.misc.SignalHandler previous = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> onHangup.run());
      if (previous == sun.misc.SignalHandler.SIG_IGN) {
        LOG.warning("SIGHUP is ignored in this process (started under nohup?), so it cannot ask for a reload;"
            + " reload by changing a watched file, or start the gateway without nohup");
        return false;
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warning("SIGHUP cannot be handled here (" + e.getMessage() + "); reload by changing a watched file");
      return false;
    }
  }
}
