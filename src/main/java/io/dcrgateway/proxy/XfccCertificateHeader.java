package io.dcrgateway.proxy;

import io.dcrgateway.tls.CertificateFingerprint;
import io.dcrgateway.tls.VerifiedClient;
import io.vertx.core.MultiMap;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Envoy's {@code x-forwarded-client-cert} as an edge proxy in SANITIZE_SET mode writes it: one
 * element for this hop (any inbound value is discarded), with Hash, Cert, optionally Chain
 * (leaf included, as Envoy does), Subject, and the URI/DNS SANs.
 */
final class XfccCertificateHeader implements CertificateHeaderWriter {

  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;

  private final String header;
  private final boolean includeChain;

  XfccCertificateHeader(String header, boolean includeChain) {
    this.header = header;
    this.includeChain = includeChain;
  }

  @Override
  public void write(VerifiedClient client, MultiMap headers) {
    X509Certificate leaf = client.certificate();
    List<String> pairs = new ArrayList<>();
    pairs.add("Hash=" + CertificateFingerprint.sha256Hex(leaf));
    pairs.add("Cert=\"" + PemEncoding.urlEncoded(PemEncoding.pem(leaf)) + "\"");
    if (includeChain) {
      StringBuilder chain = new StringBuilder(PemEncoding.pem(leaf));
      client.chain().forEach(c -> chain.append(PemEncoding.pem(c)));
      pairs.add("Chain=\"" + PemEncoding.urlEncoded(chain.toString()) + "\"");
    }
    pairs.add("Subject=\"" + quoted(leaf.getSubjectX500Principal().getName()) + "\"");
    List<String> uris = sans(leaf, SAN_URI);
    pairs.add("URI=" + (uris.isEmpty() ? "" : quotedIfNeeded(uris.get(0))));
    sans(leaf, SAN_DNS).forEach(dns -> pairs.add("DNS=" + quotedIfNeeded(dns)));
    headers.set(header, String.join(";", pairs));
  }

  @Override
  public List<String> headerNames() {
    return List.of(header);
  }

  private static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String quotedIfNeeded(String value) {
    return value.matches("[^,;=\"]*") ? value : "\"" + quoted(value) + "\"";
  }

  private static List<String> sans(X509Certificate cert, int type) {
    try {
      Collection<List<?>> all = cert.getSubjectAlternativeNames();
      if (all == null) {
        return List.of();
      }
      return all.stream()
          .filter(san -> ((Integer) san.get(0)) == type)
          .map(san -> String.valueOf(san.get(1)))
          .toList();
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }
}
