package io.dcrgateway.cli;

/**
 * One line per log record on stderr, ISO time first, so container log collectors can parse it.
 * Audit records are JSON lines under the {@code io.dcrgateway.audit} logger.
 */
final class Logging {

  private Logging() {
  }

  static void configure() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format",
          "%1$tFT%1$tT.%1$tLZ %4$s %3$s %5$s%6$s%n");
    }
    // Vert.x and Netty log through java.util.logging (SLF4J is bound to it too).
    System.setProperty("vertx.logger-delegate-factory-class-name",
        "io.vertx.core.logging.JULLogDelegateFactory");
  }
}
