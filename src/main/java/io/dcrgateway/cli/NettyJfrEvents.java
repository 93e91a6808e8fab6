package io.dcrgateway.cli;

/**
 * Netty 4.2's pooled allocator declares Flight Recorder events (chunk and buffer allocations).
 * Loading them has JFR register and instrument each event class: about 120 classes and generated
 * handlers in every start, for events that no recording enables unless asked to. They are off
 * unless the operator sets {@code -Dio.netty.jfr.enabled=true} to record Netty's allocator with
 * JFR; the JVM's own events are not affected.
 */
final class NettyJfrEvents {

  static final String PROPERTY = "io.netty.jfr.enabled";

  private NettyJfrEvents() {
  }

  /** Before any Netty class is initialised: Netty reads the property once. */
  static void offUnlessAsked() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, "false");
    }
  }
}
