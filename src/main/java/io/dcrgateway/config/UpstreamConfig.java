package io.dcrgateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The identity server the gateway forwards compliant requests to. */
public record UpstreamConfig(
    URI baseUrl,
    String registrationPath,
    UpstreamTls tls,
    Duration connectTimeout,
    Duration responseTimeout,
    int poolSize) {

  /**
   * @param trustAnchors CA certificates for the IS's server certificate; empty means the JVM's
   *     default trust store
   * @param clientCertificate optional certificate (+ key) for gateway-to-IS mutual TLS
   */
  public record UpstreamTls(
      List<Path> trustAnchors,
      Optional<ClientCertificate> clientCertificate,
      boolean verifyHost) {
  }

  public record ClientCertificate(Path certificate, Path key) {
  }
}
