package io.dcrgateway.tls;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.dcrgateway.revocation.RevocationChecker;
import io.dcrgateway.revocation.RevocationOutcome;
import io.vertx.core.Future;
import io.vertx.core.http.HttpConnection;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The TLS stage: turns the connection's client certificate into a {@link VerifiedClient} or a
 * 401 {@code invalid_client} (never 403: the OFB conformance suite accepts only 400/401 or a TLS
 * failure, SPEC BR-01). PKIX first, then (when the trust domain asks for it) revocation, which may
 * have to ask an OCSP responder or fetch a CRL, hence the future. The verification is stored on
 * the TLS session, so keep-alive requests and resumed sessions are not re-verified, unless the
 * trust material changed since; the revocation decision is reused only until its OCSP/CRL
 * validity ends.
 */
public final class ClientCertificateGate {

  private static final String SESSION_KEY = "io.dcrgateway.client-verification";

  private final Supplier<ClientCertificateVerifier> verifier;
  private final Optional<RevocationChecker> revocation;
  private final Clock clock;

  /** @param verifier the current verifier; a supplier so that reloaded trust takes effect */
  public ClientCertificateGate(Supplier<ClientCertificateVerifier> verifier) {
    this(verifier, Optional.empty(), Clock.systemUTC());
  }

  /** @param revocation checks certificates PKIX accepted for revocation, per trust domain */
  public ClientCertificateGate(Supplier<ClientCertificateVerifier> verifier, Optional<RevocationChecker> revocation,
      Clock clock) {
    this.verifier = verifier;
    this.revocation = revocation;
    this.clock = clock;
  }

  /** Fails with {@link GatewayException} 401 when the certificate is missing, not acceptable or revoked. */
  public Future<VerifiedClient> verify(HttpConnection connection) {
    ClientCertificateVerifier current = verifier.get();
    SSLSession session = connection.sslSession();
    SessionVerification cached = session != null
        && session.getValue(SESSION_KEY) instanceof SessionVerification s && s.trust() == current.trust() ? s : null;
    CertificateVerification verification = cached != null ? cached.verification()
        : current.verify(presentedChain(connection));
    if (verification.client().isEmpty()) {
      remember(session, new SessionVerification(current.trust(), verification, Optional.empty()));
      CertificateRejection rejection = verification.rejection().orElseThrow();
      return Future.failedFuture(new GatewayException(401, ErrorCodes.INVALID_CLIENT, rejection.reason().id(),
          rejection.description()));
    }
    VerifiedClient client = verification.client().get();
    Optional<RevocationOutcome> known = cached == null ? Optional.empty()
        : cached.revocation().filter(outcome -> outcome.validUntil().isAfter(clock.instant()));
    if (revocation.isEmpty() || known.isPresent()) {
      if (cached == null) {
        remember(session, new SessionVerification(current.trust(), verification, Optional.empty()));
      }
      return known.map(outcome -> admit(client, outcome)).orElse(Future.succeededFuture(client));
    }
    return revocation.get().check(client.trustDomain(), client.certificate(), issuerOf(client, current.trust()))
        .compose(outcome -> {
          remember(session, new SessionVerification(current.trust(), verification, Optional.of(outcome)));
          return admit(client, outcome);
        });
  }

  /** The outcome travels with the client either way: the audit record names the verdict. */
  private static Future<VerifiedClient> admit(VerifiedClient client, RevocationOutcome outcome) {
    VerifiedClient checked = client.withRevocation(outcome);
    return outcome.refusalReason()
        .<Future<VerifiedClient>>map(reason -> Future.failedFuture(new RevocationRefusal(checked, reason, outcome)))
        .orElse(Future.succeededFuture(checked));
  }

  private static void remember(SSLSession session, SessionVerification verification) {
    if (session != null) {
      session.putValue(SESSION_KEY, verification);
    }
  }

  /** The certificate that signed the leaf: the first intermediate, or the anchor itself. */
  private static X509Certificate issuerOf(VerifiedClient client, TrustMaterial trust) {
    if (!client.chain().isEmpty()) {
      return client.chain().get(0);
    }
    X509Certificate leaf = client.certificate();
    return trust.domains().stream().filter(d -> d.name().equals(client.trustDomain()))
        .flatMap(d -> d.anchorCertificates().stream())
        .filter(anchor -> anchor.getSubjectX500Principal().equals(leaf.getIssuerX500Principal()))
        .filter(anchor -> signs(anchor, leaf))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("verified client without an issuer in its domain"));
  }

  private static boolean signs(X509Certificate issuer, X509Certificate leaf) {
    try {
      leaf.verify(issuer.getPublicKey());
      return true;
    } catch (Exception e) {
      return false;
    }
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

  /**
   * Tied to the trust material it was computed with: a reload invalidates it. The revocation
   * outcome, once known, is reused until its own validity ends.
   */
  private record SessionVerification(TrustMaterial trust, CertificateVerification verification,
      Optional<RevocationOutcome> revocation) {
  }
}
