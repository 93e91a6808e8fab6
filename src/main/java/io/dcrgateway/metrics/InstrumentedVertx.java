package io.dcrgateway.metrics;

import io.dcrgateway.config.ListenerConfig.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.Optional;

/**
 * The process's Vert.x: its metrics (worker pools; its HTTP server and client meters,
 * {@code vertx_http_*}, only when {@code admin.vertx-http-metrics} asks) go into the gateway's
 * registry, and its event loops use the configured socket transport. Vert.x takes both when it
 * is created, so this is where the process makes its Vertx; tests create plain ones.
 */
public final class InstrumentedVertx {

  private InstrumentedVertx() {
  }

  /**
   * @param httpMetrics Vert.x's HTTP server and client meters: a meter id built and looked up
   *     four to six times per forwarded request (4.7 % of a keep-alive registration's
   *     CPU, profiled), counting what {@code dcr_gateway_requests_total} and the upstream series
   *     already count
   */
  public static Vertx create(GatewayMetrics metrics, Transport transport, boolean httpMetrics) {
    // Vert.x's default labels (method, status code, pool names) carry no path or client data;
    // local (the listener's address) tells the public listener's metrics from the admin one's.
    MicrometerMetricsOptions options = new MicrometerMetricsOptions().setEnabled(true).addLabels(Label.LOCAL);
    if (!httpMetrics) {
      options.addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER).addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT);
    }
    return on(transport, new VertxOptions().setMetricsOptions(options))
        .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
        .build();
  }

  /**
   * A Vert.x builder whose event loops use {@code transport}. Native: epoll where
   * netty-transport-native-epoll loads; Vert.x falls back to NIO elsewhere. io_uring where it
   * runs, else as native: a container's seccomp profile (Docker's default among them) may forbid
   * its system calls, and Vert.x alone would fall back to NIO. Tests build theirs here too.
   */
  public static VertxBuilder on(Transport transport, VertxOptions options) {
    VertxBuilder builder = Vertx.builder().with(options.setPreferNativeTransport(transport != Transport.NIO));
    if (transport == Transport.IO_URING && ioUringUnavailable().isEmpty()) {
      builder.withTransport(io.vertx.core.transport.Transport.IO_URING);
    }
    return builder;
  }

  /** What the event loops run on, for the start-up line. */
  public static String transportOf(Vertx vertx, Transport configured) {
    if (configured == Transport.IO_URING) {
      Optional<String> unavailable = ioUringUnavailable();
      if (unavailable.isEmpty()) {
        return "io_uring";
      }
      return transportOf(vertx, Transport.NATIVE) + " (io_uring does not run here: " + unavailable.get() + ")";
    }
    if (vertx.isNativeTransportEnabled()) {
      return "native (epoll)";
    }
    Throwable cause = vertx.unavailableNativeTransportCause();
    return configured == Transport.NIO || cause == null ? "nio"
        : "nio (the native transport does not load here: " + cause.getMessage() + ")";
  }

  /** Why io_uring cannot run in this process (platform, kernel, seccomp), or empty where it can. */
  public static Optional<String> ioUringUnavailable() {
    io.vertx.core.transport.Transport ioUring = io.vertx.core.transport.Transport.IO_URING;
    if (ioUring == null) {
      return Optional.of("Netty's io_uring transport is not on the class path");
    }
    if (ioUring.available()) {
      return Optional.empty();
    }
    Throwable cause = ioUring.unavailabilityCause();
    return Optional.of(cause == null ? "unavailable" : cause.toString());
  }
}
