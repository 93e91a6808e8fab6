package io.dcrgateway.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Reads X.509 certificates from PEM (or DER) files with the JDK's own parser. */
public final class PemCertificates {

  private PemCertificates() {
  }

  /** Every certificate in the file, in file order; fails if the file holds none. */
  public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) c);
      }
      if (certificates.isEmpty()) {
        throw new CertificateException("no certificate found");
      }
      return List.copyOf(certificates);
    }
  }
}
