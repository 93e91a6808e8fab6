package io.dcrgateway.testkit;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.dcrgateway.metrics.InstrumentedVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Locale;

/**
 * The Vert.x every test runs on, with the socket transport the gateway runs in production
 * ({@code listener.transport}, native by default) unless the build asks for another, as the
 * surefire execution {@code jdk-tls-engine} does to keep Java NIO covered.
 */
public final class TestVertx {

  public static final Transport TRANSPORT = Transport.valueOf(
      System.getProperty("dcrgateway.test.transport", Transport.NATIVE.name()).toUpperCase(Locale.ROOT));

  private TestVertx() {
  }

  public static Vertx create() {
    return create(new VertxOptions());
  }

  public static Vertx create(VertxOptions options) {
    return InstrumentedVertx.on(TRANSPORT, options).build();
  }
}
