package io.dcrgateway.config;

import java.util.List;

/** How the verified client certificate and request context reach the identity server. */
public record ForwardingConfig(
    List<CertificateHeader> certificateHeaders,
    List<String> stripHeaders,
    String requestIdHeader) {

  public static final List<CertificateHeader> DEFAULT_CERTIFICATE_HEADERS =
      List.of(CertificateHeader.defaultFor(CertificateHeaderFormat.RFC9440));
  public static final String DEFAULT_REQUEST_ID_HEADER = "X-Request-Id";

  public ForwardingConfig {
    certificateHeaders = List.copyOf(certificateHeaders);
    stripHeaders = List.copyOf(stripHeaders);
  }

  /**
   * One certificate header format to emit.
   *
   * @param header the header name (for RFC9440 and PEM_URLENCODED the name of the leaf header;
   *     the chain header is {@code <header>-Chain})
   * @param includeChain also send the verified intermediates
   */
  public record CertificateHeader(CertificateHeaderFormat format, String header, boolean includeChain) {

    /** The format's conventional header name and chain setting. */
    public static CertificateHeader defaultFor(CertificateHeaderFormat format) {
      return new CertificateHeader(format, format.defaultHeader(), format.includesChainByDefault());
    }

    /**
     * Every header this entry may put on a forwarded request: the certificate header, and with
     * {@code includeChain} a {@code <header>-Chain} header (XFCC carries its chain inside its
     * one header). Names are case-insensitive.
     */
    public List<String> headerNames() {
      return includeChain && format != CertificateHeaderFormat.XFCC
          ? List.of(header, header + "-Chain")
          : List.of(header);
    }
  }

  public enum CertificateHeaderFormat {
    /** RFC 9440: {@code Client-Cert: :<base64 DER>:} and {@code Client-Cert-Chain}. */
    RFC9440("rfc9440", "Client-Cert", true),
    /** nginx {@code $ssl_client_escaped_cert} style: URL-encoded PEM (Keycloak, Curity). */
    PEM_URLENCODED("pem-urlencoded", "ssl-client-cert", false),
    /** Envoy {@code x-forwarded-client-cert}, as an edge proxy in SANITIZE_SET mode emits it. */
    XFCC("xfcc", "x-forwarded-client-cert", false);

    private final String configName;
    private final String defaultHeader;
    private final boolean includesChainByDefault;

    CertificateHeaderFormat(String configName, String defaultHeader, boolean includesChainByDefault) {
      this.configName = configName;
      this.defaultHeader = defaultHeader;
      this.includesChainByDefault = includesChainByDefault;
    }

    /** How the format is spelled in the YAML ({@code format: pem-urlencoded}). */
    public String configName() {
      return configName;
    }

    public String defaultHeader() {
      return defaultHeader;
    }

    public boolean includesChainByDefault() {
      return includesChainByDefault;
    }
  }
}
