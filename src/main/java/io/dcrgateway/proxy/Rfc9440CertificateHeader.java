package io.dcrgateway.proxy;

import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.MultiMap;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * RFC 9440 §2: {@code Client-Cert} is an RFC 8941 byte sequence (standard base64 of the DER
 * between colons); {@code Client-Cert-Chain} a list of them, issuer first, leaf excluded.
 * Keycloak's {@code rfc9440} lookup reads exactly this.
 */
final class Rfc9440CertificateHeader implements CertificateHeaderWriter {

  private final String certHeader;
  private final String chainHeader;
  private final boolean includeChain;

  Rfc9440CertificateHeader(String header, boolean includeChain) {
    this.certHeader = header;
    this.chainHeader = header + "-Chain";
    this.includeChain = includeChain;
  }

  @Override
  public void write(VerifiedClient client, MultiMap headers) {
    headers.set(certHeader, byteSequence(client.certificate()));
    if (includeChain && !client.chain().isEmpty()) {
      List<String> items = new ArrayList<>();
      client.chain().forEach(c -> items.add(byteSequence(c)));
      headers.set(chainHeader, String.join(", ", items));
    }
  }

  @Override
  public List<String> headerNames() {
    return List.of(certHeader, chainHeader);
  }

  static String byteSequence(X509Certificate certificate) {
    try {
      return ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a verified certificate always re-encodes", e);
    }
  }
}
