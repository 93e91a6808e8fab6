package io.dcrgateway.config;

import java.util.List;

/** How the verified client certificate and request context reach the identity server. */
public record ForwardingConfig(
    List<CertificateHeader> certificateHeaders,
    List<String> stripHeaders,
    String requestIdHeader) {

  /**
   * One certificate header format to emit.
   *
   * @param header the header name (for RFC9440 the name of the leaf header; the chain header
   *     is {@code <header>-Chain})
   * @param includeChain also send the verified intermediates
   */
  public record CertificateHeader(CertificateHeaderFormat format, String header, boolean includeChain) {
  }

  public enum CertificateHeaderFormat {
    /** RFC 9440: {@code Client-Cert: :<base64 DER>:} and {@code Client-Cert-Chain}. */
    RFC9440,
    /** nginx {@code $ssl_client_escaped_cert} style: URL-encoded PEM (Keycloak, Curity). */
    PEM_URLENCODED,
    /** Envoy {@code x-forwarded-client-cert}, as an edge proxy in SANITIZE_SET mode emits it. */
    XFCC
  }
}
