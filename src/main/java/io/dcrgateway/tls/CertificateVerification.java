package io.dcrgateway.tls;

import java.util.Optional;

/** The outcome of verifying a presented chain: exactly one of client or rejection. */
public record CertificateVerification(Optional<VerifiedClient> client, Optional<CertificateRejection> rejection) {

  public static CertificateVerification accepted(VerifiedClient client) {
    return new CertificateVerification(Optional.of(client), Optional.empty());
  }

  public static CertificateVerification rejected(CertificateRejection.Reason reason, String description) {
    return new CertificateVerification(Optional.empty(), Optional.of(new CertificateRejection(reason, description)));
  }
}
