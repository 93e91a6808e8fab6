package io.dcrgateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The public mTLS listener TPPs connect to. */
public record ListenerConfig(
    String host,
    int port,
    ServerTlsConfig tls,
    String registrationPath,
    long maxBodyBytes,
    Duration idleTimeout) {

  /**
   * @param clientAuth REQUEST answers a missing certificate with a 401 JSON error (what TPPs can
   *     read); REQUIRE aborts the handshake instead (what some conformance setups prefer).
   */
  public record ServerTlsConfig(
      Path certificate,
      Path key,
      List<String> protocols,
      List<String> cipherSuites,
      ClientAuthMode clientAuth,
      Duration handshakeTimeout) {
  }

  public enum ClientAuthMode { REQUEST, REQUIRE }
}
