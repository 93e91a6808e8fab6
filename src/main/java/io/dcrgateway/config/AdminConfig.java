package io.dcrgateway.config;

/**
 * The operators' listener: health, readiness and metrics. Plain HTTP, loopback by default.
 *
 * @param vertxHttpMetrics whether Vert.x's own HTTP server and client meters
 *     ({@code vertx_http_*}) are kept beside the gateway's: off by default, since the gateway's
 *     request, processing and upstream series count the same requests, and Vert.x's meters cost
 *     about a twentieth of a keep-alive registration's CPU
 */
public record AdminConfig(boolean enabled, String host, int port, boolean vertxHttpMetrics) {

  /** Loopback: plain HTTP operator endpoints must not be reachable by TPPs. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9090;
  public static final AdminConfig DEFAULT = new AdminConfig(true, DEFAULT_HOST, DEFAULT_PORT);

  public AdminConfig(boolean enabled, String host, int port) {
    this(enabled, host, port, false);
  }
}
