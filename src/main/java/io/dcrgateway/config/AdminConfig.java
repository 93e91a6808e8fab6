package io.dcrgateway.config;

/** The operators' listener: health now, metrics later. Plain HTTP, loopback by default. */
public record AdminConfig(boolean enabled, String host, int port) {

  /** Loopback: plain HTTP operator endpoints must not be reachable by TPPs. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 9090;
  public static final AdminConfig DEFAULT = new AdminConfig(true, DEFAULT_HOST, DEFAULT_PORT);
}
