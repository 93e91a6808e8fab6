package io.dcrgateway.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** SHA-256 over the DER certificate, lower-case hex: the form XFCC {@code Hash} and audit use. */
public final class CertificateFingerprint {

  private CertificateFingerprint() {
  }

  public static String sha256Hex(X509Certificate certificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("every JDK has SHA-256 and a parsed certificate re-encodes", e);
    }
  }
}
