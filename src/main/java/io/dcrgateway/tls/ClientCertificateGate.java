package io.dcrgateway.tls;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.vertx.core.http.HttpConnection;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The TLS stage: turns the connection's client certificate into a {@link VerifiedClient} or a
 * 401 {@code invalid_client} (never 403: the OFB conformance suite accepts only 400/401 or a TLS
 * failure, SPEC BR-01). The verification is stored on the TLS session, so keep-alive requests
 * and resumed sessions are not re-verified, unless the trust material changed since.
 */
public final class ClientCertificateGate {

  private static final String SESSION_KEY = "io.dcrgateway.client-verification";

  private final Supplier<ClientCertificateVerifier> verifier;

  /** @param verifier the current verifier; a supplier so that reloaded trust takes effect */
  public ClientCertificateGate(Supplier<ClientCertificateVerifier> verifier) {
    this.verifier = verifier;
  }

  /** @throws GatewayException 401 when the certificate is missing or not acceptable */
  public VerifiedClient verify(HttpConnection connection) {
    CertificateVerification verification = verification(connection);
    if (verification.client().isPresent()) {
      return verification.client().get();
    }
    CertificateRejection rejection = verification.rejection().orElseThrow();
    throw new GatewayException(401, ErrorCodes.INVALID_CLIENT, rejection.reason().id(),
        rejection.description());
  }

  private CertificateVerification verification(HttpConnection connection) {
    ClientCertificateVerifier current = verifier.get();
    SSLSession session = connection.sslSession();
    if (session != null && session.getValue(SESSION_KEY) instanceof SessionVerification cached
        && cached.trust() == current.trust()) {
      return cached.verification();
    }
    CertificateVerification fresh = current.verify(presentedChain(connection));
    if (session != null) {
      session.putValue(SESSION_KEY, new SessionVerification(current.trust(), fresh));
    }
    return fresh;
  }

  private static List<X509Certificate> presentedChain(HttpConnection connection) {
    if (!connection.isSsl()) {
      return List.of();
    }
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : connection.peerCertificates()) {
        if (c instanceof X509Certificate x509) {
          chain.add(x509);
        }
      }
      return chain;
    } catch (SSLPeerUnverifiedException e) {
      return List.of();
    }
  }

  /** Tied to the trust material it was computed with: a reload invalidates it. */
  private record SessionVerification(TrustMaterial trust, CertificateVerification verification) {
  }
}
