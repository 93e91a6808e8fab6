package io.dcrgateway.proxy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** PEM text and its URL-encoded form, as nginx's {@code $ssl_client_escaped_cert} produces it. */
final class PemEncoding {

  private PemEncoding() {
  }

  static String pem(X509Certificate certificate) {
    try {
      String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a verified certificate always re-encodes", e);
    }
  }

  /** Percent-encoding with {@code %20} for spaces, which every URL decoder reads the same way. */
  static String urlEncoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
