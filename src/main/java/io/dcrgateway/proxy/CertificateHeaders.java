package io.dcrgateway.proxy;

import io.dcrgateway.config.ForwardingConfig;
import io.dcrgateway.config.ForwardingConfig.CertificateHeader;
import java.util.List;

/** The configured certificate header writers, in config order. */
final class CertificateHeaders {

  private CertificateHeaders() {
  }

  static List<CertificateHeaderWriter> from(ForwardingConfig config) {
    return config.certificateHeaders().stream().map(CertificateHeaders::writer).toList();
  }

  private static CertificateHeaderWriter writer(CertificateHeader h) {
    return switch (h.format()) {
      case RFC9440 -> new Rfc9440CertificateHeader(h.header(), h.includeChain());
      case PEM_URLENCODED -> new UrlEncodedPemCertificateHeader(h.header(), h.includeChain());
      case XFCC -> new XfccCertificateHeader(h.header(), h.includeChain());
    };
  }
}
