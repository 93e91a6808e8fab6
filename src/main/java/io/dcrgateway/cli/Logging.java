package io.dcrgateway.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * One line per log record on stderr, ISO time first, so container log collectors can parse it.
 * Audit records are JSON lines under the {@code io.dcrgateway.audit} logger.
 */
final class Logging {

  private Logging() {
  }

  static void configure() {
    // An operator's own SimpleFormatter pattern (-Djava.util.logging.SimpleFormatter.format) wins.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      for (Handler handler : Logger.getLogger("").getHandlers()) {
        if (handler instanceof ConsoleHandler) {
          handler.setFormatter(new LogLineFormatter());
        }
      }
    }
    // Vert.x and Netty log through java.util.logging (SLF4J is bound to it too).
    System.setProperty("vertx.logger-delegate-factory-class-name",
        "io.vertx.core.logging.JULLogDelegateFactory");
  }
}
